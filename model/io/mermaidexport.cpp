// SPDX-License-Identifier: GPL-3.0-or-later
#include "mermaidexport.h"

#include "trace/trace.h"

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
    using namespace SequenceScript;
    QString out = QStringLiteral("sequenceDiagram\n");
    out += QStringLiteral("    %% SynScope trace (%1)\n").arg(escape(trace.info().source));
    for (Participant p :
         {Participant::ClientApp, Participant::ClientTcp, Participant::ServerTcp, Participant::ServerApp})
        out += QStringLiteral("    participant ") + participantId(p) + QStringLiteral(" as ")
            + escape(participantTitle(p)) + u'\n';
    for (const Statement &s : build(trace, options)) {
        if (s.kind == Statement::Note) {
            out += QStringLiteral("    Note over ") + participantId(s.from) + QStringLiteral(": ") + escape(s.text)
                + u'\n';
        } else {
            // "-x": a solid line ending in a cross, Mermaid's lost message.
            out += QStringLiteral("    ") + participantId(s.from)
                + (s.lost ? QStringLiteral("-x") : QStringLiteral("->>")) + participantId(s.to) + QStringLiteral(": ")
                + escape(s.text) + u'\n';
        }
    }
    return out;
}

} // namespace MermaidExport
