import LedeCore

/// The JSON shapes of `lede quotes`, `lede parties` and `lede analyze`. Offsets are
/// Unicode scalar offsets into the decoded text as read.
enum ArticleJSON {
    /// Byte offsets of an analysis (a whole text, or one section of a long one) as scalar
    /// offsets into the whole text.
    struct Offsets {
        let text: SourceText
        var base = 0
        func scalar(_ byte: Int) -> Int { text.scalarOffset(ofByte: base + byte) }
    }

    static func quote(_ q: Quote, _ a: Article, into w: inout JSONWriter) {
        quote(q, at: Offsets(text: a.source), number: q.quotationNumber, into: &w)
    }

    static func quote(_ q: Quote, at o: Offsets, number: Int?, into w: inout JSONWriter) {
        w.beginObject()
        w.field("start", o.scalar(q.source.lowerBound))
        w.field("end", o.scalar(q.source.upperBound))
        w.field("text", q.text)
        w.field("kind", q.kind.rawValue)
        w.field("speaker", q.speaker)
        w.field("speaker_start", q.speakerSource.map { o.scalar($0.lowerBound) })
        w.field("speaker_end", q.speakerSource.map { o.scalar($0.upperBound) })
        w.field("quote", number)
        w.field("closed", q.closed)
        w.endObject()
    }

    static func mention(_ m: Mention, _ a: Article, into w: inout JSONWriter) {
        w.beginObject()
        w.field("start", a.source.scalarOffset(ofByte: m.source.lowerBound))
        w.field("end", a.source.scalarOffset(ofByte: m.source.upperBound))
        w.field("type", m.type.rawValue)
        w.field("text", m.text)
        w.field("canonical", a.parties[m.party].name)
        w.endObject()
    }

    static func quotes(_ a: Article, all: Bool) -> String {
        var w = JSONWriter()
        w.beginArray()
        for q in a.quotes where all || q.kind == .speech { quote(q, a, into: &w) }
        w.endArray()
        return w.out
    }

    static func mentions(_ a: Article) -> String {
        var w = JSONWriter()
        w.beginArray()
        for m in a.mentions { mention(m, a, into: &w) }
        w.endArray()
        return w.out
    }

    /// The header fields of `lede analyze`'s object (of the first section, for a long text).
    static func header(_ a: Article, path: String, into w: inout JSONWriter) {
        w.field("path", path)
        w.field("encoding", a.source.encoding.rawValue)
        w.field("title", a.title?.text.string)
        w.field("publication", a.publicationName)
        w.field("standfirst", a.standfirst?.text.string)
        w.field("byline", a.writers)
        w.field("date", a.date?.iso)
        w.field("updated", a.updated?.iso)
        w.field("dateline", a.dateline.map { a.text($0) })
    }

    static func paragraph(_ p: Paragraph, at o: Offsets, into w: inout JSONWriter) {
        w.beginObject()
        w.field("role", p.role.rawValue)
        w.field("start", o.scalar(p.source.lowerBound))
        w.field("end", o.scalar(p.source.upperBound))
        w.field("text", p.text.string)
        w.endObject()
    }

    /// One article as `lede analyze` prints it.
    static func article(_ a: Article, path: String, into w: inout JSONWriter) {
        w.beginObject()
        header(a, path: path, into: &w)
        w.key("paragraphs")
        w.beginArray()
        for p in a.paragraphs { paragraph(p, at: Offsets(text: a.source), into: &w) }
        w.endArray()
        w.key("quotes")
        w.beginArray()
        for q in a.quotes { quote(q, a, into: &w) }
        w.endArray()
        w.key("parties")
        w.beginArray()
        for p in a.parties {
            var mentions = JSONWriter()
            mentions.beginArray()
            for mi in p.mentions { partyMention(a.mentions[mi], at: Offsets(text: a.source), into: &mentions) }
            mentions.endArray()
            party(name: p.name, type: p.type, aliases: p.aliases, mentions: mentions.out, into: &w)
        }
        w.endArray()
        w.endObject()
    }

    /// A mention as `analyze` lists it under its party.
    static func partyMention(_ m: Mention, at o: Offsets, into w: inout JSONWriter) {
        w.beginObject()
        w.field("start", o.scalar(m.source.lowerBound))
        w.field("end", o.scalar(m.source.upperBound))
        w.field("text", m.text)
        w.endObject()
    }

    /// A party as `analyze` writes it; `mentions` is the JSON array of its mentions.
    static func party(name: String, type: PartyType, aliases: [String], mentions: String, into w: inout JSONWriter) {
        w.beginObject()
        w.field("name", name)
        w.field("type", type.rawValue)
        w.key("aliases")
        w.beginArray()
        for alias in aliases { w.value(alias) }
        w.endArray()
        w.key("mentions")
        w.raw(mentions)
        w.endObject()
    }

    /// A long text (read in sections, as the reader reads it) written out section by
    /// section: paragraphs as each section is analysed, then the quotations and the parties
    /// kept aside meanwhile. Memory stays near the size of the text, not of its analysis.
    /// Names are merged within each section first (a surname resolves to the full name
    /// given in its own section), then across sections by name and type.
    static func streamArticle(_ document: Document, path: String, emit: (String) -> Void) {
        var w = JSONWriter()
        w.beginObject()
        header(document.section(0), path: path, into: &w)
        w.key("paragraphs")
        w.beginArray()
        var quotes = JSONWriter()
        quotes.beginArray()
        struct Party { var name: String; var type: PartyType; var aliases: [String] = []; var mentions = JSONWriter() }
        var parties: [PartyKey: Int] = [:]
        var partyList: [Party] = []
        var numbersBefore = 0
        for s in document.sections.indices {
            let a = document.section(s)
            let o = Offsets(text: document.source, base: document.sections[s].lowerBound)
            for p in a.paragraphs { paragraph(p, at: o, into: &w) }
            emit(w.take())
            var highest = 0
            for q in a.quotes {
                quote(q, at: o, number: q.quotationNumber.map { $0 + numbersBefore }, into: &quotes)
                highest = max(highest, q.quotationNumber ?? 0)
            }
            numbersBefore += highest
            for party in a.parties {
                let key = PartyKey(name: party.name, type: party.type)
                let i = parties[key] ?? { partyList.append(Party(name: party.name, type: party.type)); parties[key] = partyList.count - 1; return partyList.count - 1 }()
                for alias in party.aliases where !partyList[i].aliases.contains(alias) { partyList[i].aliases.append(alias) }
                for mi in party.mentions { partyMention(a.mentions[mi], at: o, into: &partyList[i].mentions) }
            }
        }
        w.endArray()
        quotes.endArray()
        w.key("quotes")
        w.raw(quotes.take())
        emit(w.take())
        w.key("parties")
        w.beginArray()
        for p in partyList {
            var mentions = p.mentions
            party(name: p.name, type: p.type, aliases: p.aliases, mentions: "[" + mentions.take() + "]", into: &w)
            emit(w.take())
        }
        w.endArray()
        w.endObject()
        emit(w.take())
    }
}
