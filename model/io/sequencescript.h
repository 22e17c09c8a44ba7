// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/segmentlabels.h"

#include <QString>
#include <vector>

class Trace;

// The trace as the statements of a text sequence diagram, before any language's syntax: what the
// Mermaid and PlantUML exports have in common; write() puts them in one language's Syntax. Four participants, as in the
// textbook figure: client app, client TCP, server TCP, server app. Calls, returns and Qt signals are notes on the app
// participants, kernel states notes on the TCP participants, and every segment on the wire is a message between the two
// TCPs, labelled by SegmentLabeler exactly as the diagram labels it.
namespace SequenceScript {

enum class Participant { ClientApp, ClientTcp, ServerTcp, ServerApp };

struct Options {
    NumberStyle numbers = NumberStyle::Symbolic;
    bool detail = false; // the labeler's detail (window, options, payload) as a second line
    bool windowAlways = false; // every label says the window, not only when it matters
    qsizetype firstEvent = 0; // range of trace events, inclusive; lastEvent -1: to the end
    qsizetype lastEvent = -1;
};

struct Statement {
    enum Kind { Note, Message } kind = Note;
    Participant from = Participant::ClientApp; // a note's participant
    Participant to = Participant::ClientApp;
    QString text; // may hold '\n' (label, then detail)
    bool lost = false; // a message the wire dropped: it never arrived
    qsizetype event = -1; // the trace event it shows
};

QString participantTitle(Participant p); // "client app"
QString participantId(Participant p); // "clientApp": an identifier both languages accept
std::vector<Statement> build(const Trace &trace, const Options &options);

// How one language writes the statements: the two exports differ only here. Every line is a
// QString::arg() pattern filled in one pass (text that holds "%1" stays as it is).
struct Syntax {
    QString begin; // the first line(s)
    QString comment; // %1 the trace's source
    QString participant; // %1 id, %2 title
    QString note; // %1 participant id, %2 text
    QString message; // %1 from, %2 to, %3 text
    QString lostMessage; // as message, for one the wire dropped
    QString end; // the last line(s)
    QString (*escape)(const QString &text) = nullptr; // text made safe for a message, note or title
};
QString write(const Trace &trace, const Options &options, const Syntax &syntax);

} // namespace SequenceScript

// A Mermaid sequenceDiagram of the trace, for Markdown documents: GitHub, GitLab and most wikis
// draw it.
namespace MermaidExport {
QString toText(const Trace &trace, const SequenceScript::Options &options);
// Text made safe for a message or note: ';' and '#' are Mermaid's statement separator and entity
// prefix, '<' '>' would be read as HTML, a newline would end the statement.
QString escape(const QString &text);
} // namespace MermaidExport

// A PlantUML sequence diagram of the trace.
namespace PlantUmlExport {
QString toText(const Trace &trace, const SequenceScript::Options &options);
// Text made safe for a message or note. Backslash starts PlantUML's escapes (\n, \t); '<' '>' '&'
// start HTML-like tags and entities; '"' ends quoted names; Creole markup is made of doubled
// characters (**bold**, //italic//, --strike--, __under__, ~~wave~~, ""mono"") and of list and
// heading marks at the start of a line. All of those become numeric entities (&#92; ...), which
// PlantUML's Creole shows as the character itself. A newline becomes PlantUML's \n.
QString escape(const QString &text);
} // namespace PlantUmlExport
