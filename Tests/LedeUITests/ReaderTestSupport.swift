import Testing
import Foundation
import LedeCore
@testable import LedeUI

// Texts and helpers shared by the reader's tests (each suite has a file of its own).

func document(_ text: String, wholeLimit: Int = Document.wholeLimit, sectionSize: Int = Document.sectionSize) -> Document {
    Document(source: SourceText(text), wholeLimit: wholeLimit, sectionSize: sectionSize)
}

let sample = """
Harbour talks collapse

“We have been patient for months,” said Daniel Reyes of the Transport Union in Portsmouth.

Talks will resume on Monday, the union said.

“It is a mess,” Reyes added.
"""

/// Four quotations by two speakers, parties named more than once.
let talks = """
Harbour talks collapse

By Ann Lee

“We have been patient for months,” said Daniel Reyes of the Transport Union in Portsmouth.

The port authority said it would not change its offer. “The offer stands,” said Maria Okafor, who chairs the authority.

Talks will resume on Monday in Portsmouth, the union said.

“It is a mess,” Reyes added.

Okafor said: “We will wait.”
"""

func state(_ text: String = talks, width: Int = 60, height: Int = 8, entries: Int = 1) -> ReaderState {
    let e = (0..<entries).map { Entry(path: "/a/\($0).txt", document: document(text), error: nil) }
    return ReaderState(entries: e, width: width, height: height)
}

/// The text on screen in the reading pane, one string per row.
func screenText(_ s: ReaderState) -> [String] {
    let c = render(s)
    return (0..<s.bodyHeight).map { c.text(row: $0).trimmingCharacters(in: .whitespaces) }
}

/// The speaker of the quotation the reader is on.
func speaker(_ s: ReaderState) -> String? {
    guard let q = s.currentQuote, let d = s.document else { return nil }
    return d.section(q.section).quotes[q.index].speaker
}

func type(_ s: inout ReaderState, _ text: String) {
    for c in text { handle(&s, .key(.char(c))) }
}

extension ReaderApp {
    /// A key, then whatever the background worker reads because of it.
    func press(_ key: Key) {
        apply(.key(key))
        settle()
    }
}
