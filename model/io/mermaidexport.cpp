// SPDX-License-Identifier: GPL-3.0-or-later
#include "sequencescript.h"

namespace MermaidExport {

QString escape(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'#':
            out += QStringLiteral("#35;");
            break;
        case u';':
            out += QStringLiteral("#59;");
            break;
        case u'<':
            out += QStringLiteral("#lt;");
            break;
        case u'>':
            out += QStringLiteral("#gt;");
            break;
        case u'"':
            out += QStringLiteral("#quot;");
            break;
        case u'\n':
            out += QStringLiteral("<br/>");
            break;
        case u'\r':
            break;
        default:
            // Other control characters (payload previews) would break the line-based syntax.
            out += c.category() == QChar::Other_Control ? QChar(u' ') : c;
        }
    }
    return out;
}

QString toText(const Trace &trace, const SequenceScript::Options &options)
{
    // "-x": a solid line ending in a cross, Mermaid's lost message.
    static const SequenceScript::Syntax mermaid {
        .begin = QStringLiteral("sequenceDiagram\n"),
        .comment = QStringLiteral("    %% SynScope trace (%1)\n"),
        .participant = QStringLiteral("    participant %1 as %2\n"),
        .note = QStringLiteral("    Note over %1: %2\n"),
        .message = QStringLiteral("    %1->>%2: %3\n"),
        .lostMessage = QStringLiteral("    %1-x%2: %3\n"),
        .end = {},
        .escape = &escape,
    };
    return SequenceScript::write(trace, options, mermaid);
}

} // namespace MermaidExport
