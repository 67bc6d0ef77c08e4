/// Named HTML entities that scraped pages leave behind (numeric ones are decoded by value).
enum HTMLEntities {
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "lsquo": "\u{2018}",
        "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "laquo": "\u{AB}",
        "raquo": "\u{BB}", "sbquo": "\u{201A}", "bdquo": "\u{201E}", "copy": "\u{A9}",
        "reg": "\u{AE}", "trade": "\u{2122}", "euro": "\u{20AC}", "pound": "\u{A3}",
        "yen": "\u{A5}", "cent": "\u{A2}", "deg": "\u{B0}", "middot": "\u{B7}", "bull": "\u{2022}",
        "times": "\u{D7}", "divide": "\u{F7}", "shy": "\u{AD}", "zwj": "\u{200D}",
        "zwnj": "\u{200C}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}",
        "eacute": "\u{E9}", "egrave": "\u{E8}", "aacute": "\u{E1}", "agrave": "\u{E0}",
        "iacute": "\u{ED}", "oacute": "\u{F3}", "uacute": "\u{FA}", "ntilde": "\u{F1}",
        "ccedil": "\u{E7}", "atilde": "\u{E3}", "otilde": "\u{F5}", "ouml": "\u{F6}",
        "uuml": "\u{FC}", "auml": "\u{E4}", "szlig": "\u{DF}", "acirc": "\u{E2}",
        "ecirc": "\u{EA}", "ocirc": "\u{F4}", "Eacute": "\u{C9}", "iexcl": "\u{A1}",
        "iquest": "\u{BF}", "prime": "\u{2032}", "Prime": "\u{2033}", "sect": "\u{A7}",
        "para": "\u{B6}", "frac12": "\u{BD}", "frac14": "\u{BC}", "frac34": "\u{BE}",
    ]
}
