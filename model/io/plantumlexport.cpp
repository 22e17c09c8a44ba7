// SPDX-License-Identifier: GPL-3.0-or-later
#include "sequencescript.h"

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
    // "->x": PlantUML's lost message, the arrow ends in a cross.
    static const SequenceScript::Syntax plantUml {
        .begin = QStringLiteral("@startuml\n"),
        .comment = QStringLiteral("' SynScope trace (%1)\n"),
        .participant = QStringLiteral("participant \"%2\" as %1\n"),
        .note = QStringLiteral("note over %1 : %2\n"),
        .message = QStringLiteral("%1 -> %2 : %3\n"),
        .lostMessage = QStringLiteral("%1 ->x %2 : %3\n"),
        .end = QStringLiteral("@enduml\n"),
        .escape = &escape,
    };
    return SequenceScript::write(trace, options, plantUml);
}

} // namespace PlantUmlExport
