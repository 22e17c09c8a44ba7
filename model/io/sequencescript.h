// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/segmentlabels.h"

#include <QString>
#include <vector>

class Trace;

// The trace as the statements of a text sequence diagram, before any language's syntax: what the
// Mermaid and PlantUML exports have in common. Four participants, as in the textbook figure:
// client app, client TCP, server TCP, server app. Calls, returns and Qt signals are notes on the
// app participants, kernel states notes on the TCP participants, and every segment on the wire is
// a message between the two TCPs, labelled by SegmentLabeler exactly as the diagram labels it.
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

} // namespace SequenceScript
