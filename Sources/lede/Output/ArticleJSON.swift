import LedeCore

/// The JSON shapes of `lede quotes`, `lede parties` and `lede analyze`. Offsets are
/// Unicode scalar offsets into the decoded text as read.
enum ArticleJSON {
    static func quote(_ q: Quote, _ a: Article, into w: inout JSONWriter) {
        w.beginObject()
        w.field("start", a.source.scalarOffset(ofByte: q.source.lowerBound))
        w.field("end", a.source.scalarOffset(ofByte: q.source.upperBound))
        w.field("text", q.text)
        w.field("kind", q.kind.rawValue)
        w.field("speaker", q.speaker)
        w.field("speaker_start", q.speakerSource.map { a.source.scalarOffset(ofByte: $0.lowerBound) })
        w.field("speaker_end", q.speakerSource.map { a.source.scalarOffset(ofByte: $0.upperBound) })
        w.field("quote", q.quotationNumber)
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

    /// One article as `lede analyze` prints it.
    static func article(_ a: Article, path: String, into w: inout JSONWriter) {
        w.beginObject()
        w.field("path", path)
        w.field("encoding", a.source.encoding.rawValue)
        w.field("title", a.title?.text.string)
        w.field("publication", a.publicationName)
        w.field("standfirst", a.standfirst?.text.string)
        w.field("byline", a.writers)
        w.field("date", a.date?.iso)
        w.field("updated", a.updated?.iso)
        w.field("dateline", a.dateline.map { a.text($0) })
        w.key("paragraphs")
        w.beginArray()
        for p in a.paragraphs {
            w.beginObject()
            w.field("role", p.role.rawValue)
            w.field("start", a.source.scalarOffset(ofByte: p.source.lowerBound))
            w.field("end", a.source.scalarOffset(ofByte: p.source.upperBound))
            w.field("text", p.text.string)
            w.endObject()
        }
        w.endArray()
        w.key("quotes")
        w.beginArray()
        for q in a.quotes { quote(q, a, into: &w) }
        w.endArray()
        w.key("parties")
        w.beginArray()
        for party in a.parties {
            w.beginObject()
            w.field("name", party.name)
            w.field("type", party.type.rawValue)
            w.key("aliases")
            w.beginArray()
            for alias in party.aliases { w.value(alias) }
            w.endArray()
            w.key("mentions")
            w.beginArray()
            for mi in party.mentions {
                let m = a.mentions[mi]
                w.beginObject()
                w.field("start", a.source.scalarOffset(ofByte: m.source.lowerBound))
                w.field("end", a.source.scalarOffset(ofByte: m.source.upperBound))
                w.field("text", m.text)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
