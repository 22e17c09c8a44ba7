// SPDX-License-Identifier: GPL-3.0-or-later
#include "plantumlexport.h"

#include "trace/trace.h"

namespace PlantUmlExport {

namespace {
bool isCreoleMarker(QChar c)
{
    return c == u'*' || c == u'/' || c == u'-' || c == u'_' || c == u'=' || c == u'~' || c == u'"' || c == u'#'
        || c == u'|' || c == u'.';
}

QString entity(QChar c)
{
    return QStringLiteral("&#") + QString::number(c.unicode()) + u';';
}
} // namespace

QString escape(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    bool lineStart = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\n') {
            out += QStringLiteral("\\n");
            lineStart = true;
            continue;
        }
        if (c == u'\r') continue;
        const bool doubled = (i > 0 && text[i - 1] == c) || (i + 1 < text.size() && text[i + 1] == c);
        if (c == u'\\' || c == u'<' || c == u'>' || c == u'&' || c == u'"' || c == u'~'
            || (isCreoleMarker(c) && (doubled || lineStart)))
            out += entity(c);
        else if (c.category() == QChar::Other_Control)
            out += u' ';
        else
            out += c;
        lineStart = false;
    }
    return out;
}

QString toText(const Trace &trace, const SequenceScript::Options &options)
{
    using namespace SequenceScript;
    QString out = QStringLiteral("@startuml\n");
    out += QStringLiteral("' SynScope trace (%1)\n").arg(escape(trace.info().source));
    for (Participant p :
         {Participant::ClientApp, Participant::ClientTcp, Participant::ServerTcp, Participant::ServerApp})
        out += QStringLiteral("participant \"") + escape(participantTitle(p)) + QStringLiteral("\" as ")
            + participantId(p) + u'\n';
    for (const Statement &s : build(trace, options)) {
        if (s.kind == Statement::Note) {
            out +=
                QStringLiteral("note over ") + participantId(s.from) + QStringLiteral(" : ") + escape(s.text) + u'\n';
        } else {
            // "->x": PlantUML's lost message, the arrow ends in a cross.
            out += participantId(s.from) + (s.lost ? QStringLiteral(" ->x ") : QStringLiteral(" -> "))
                + participantId(s.to) + QStringLiteral(" : ") + escape(s.text) + u'\n';
        }
    }
    out += QStringLiteral("@enduml\n");
    return out;
}

} // namespace PlantUmlExport
