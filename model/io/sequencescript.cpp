// SPDX-License-Identifier: GPL-3.0-or-later
#include "sequencescript.h"

#include "trace/eventtext.h"
#include "trace/hostsettings.h"
#include "trace/trace.h"

#include <QCoreApplication>

namespace SequenceScript {

QString participantTitle(Participant p)
{
    switch (p) {
    case Participant::ClientApp:
        return QCoreApplication::translate("Export", "client app");
    case Participant::ClientTcp:
        return QCoreApplication::translate("Export", "client TCP");
    case Participant::ServerTcp:
        return QCoreApplication::translate("Export", "server TCP");
    case Participant::ServerApp:
        return QCoreApplication::translate("Export", "server app");
    }
    return {};
}

QString participantId(Participant p)
{
    switch (p) {
    case Participant::ClientApp:
        return QStringLiteral("clientApp");
    case Participant::ClientTcp:
        return QStringLiteral("clientTcp");
    case Participant::ServerTcp:
        return QStringLiteral("serverTcp");
    case Participant::ServerApp:
        return QStringLiteral("serverApp");
    }
    return {};
}

namespace {
Participant app(Side side)
{
    return side == Side::Client ? Participant::ClientApp : Participant::ServerApp;
}

Participant tcp(Side side)
{
    return side == Side::Client ? Participant::ClientTcp : Participant::ServerTcp;
}
} // namespace

std::vector<Statement> build(const Trace &trace, const Options &options)
{
    const qsizetype last = options.lastEvent < 0 ? trace.size() - 1 : qMin(options.lastEvent, trace.size() - 1);
    // A message is drawn lost when the wire dropped it and never delivered it. The fate of a Send is
    // known only later in the trace: one pass first, so the export stays linear.
    std::vector<quint8> fate(size_t(trace.size()), 0); // per Send: 1 original dropped, 2 original delivered
    std::vector<qint32> copiesLost(size_t(trace.size()), 0); // per Send: copies dropped minus copies delivered
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind != EventKind::Drop && e.kind != EventKind::Deliver) continue;
        const size_t send = size_t(e.ref);
        if (e.marks & EventMark::Copy)
            copiesLost[send] += e.kind == EventKind::Drop ? 1 : 0;
        else
            fate[send] = e.kind == EventKind::Drop ? 1 : 2;
    }

    SegmentLabeler labeler(trace);
    labeler.update();
    std::vector<Statement> out;
    // A host setting changed by a scenario or by hand: a note on that host's TCP, where it changed.
    const std::vector<HostSettingChange> &changes = trace.info().settingChanges;
    size_t nextChange = 0;
    const auto notesUpTo = [&](qsizetype event) {
        for (; nextChange < changes.size() && changes[nextChange].firstEvent <= event; ++nextChange) {
            const HostSettingChange &c = changes[nextChange];
            if (c.firstEvent < options.firstEvent) continue;
            Statement note;
            note.from = note.to = tcp(c.side);
            note.text = HostSettings::changeText(c);
            note.event = c.firstEvent;
            out.push_back(std::move(note));
        }
    };
    for (qsizetype i = qMax<qsizetype>(0, options.firstEvent); i <= last; ++i) {
        notesUpTo(i);
        const Event &e = trace.at(i);
        Statement s;
        s.event = i;
        switch (e.kind) {
        case EventKind::Call:
            s.from = s.to = app(e.side);
            s.text = EventText::shortCall(trace.callRecord(e));
            break;
        case EventKind::Return:
            s.from = s.to = app(e.side);
            s.text = EventText::returnText(trace.callRecord(e));
            break;
        case EventKind::Signal: {
            const CallRecord &r = trace.callRecord(e);
            s.from = s.to = app(e.side);
            // As the diagram says it: "disconnected() — emitted inside disconnectFromHost()",
            // "accept() by QTcpServer → fd 13"; a signal of Qt's event loop is called one.
            s.text = EventText::isQtOwnCall(r) || !EventText::emittedInside(trace, r).isEmpty()
                ? EventText::signalText(trace, r)
                : QCoreApplication::translate("Export", "signal %1").arg(r.fn)
                    + (r.detail.isEmpty() ? QString() : QStringLiteral(" (") + r.detail + u')');
            break;
        }
        case EventKind::State:
            s.from = s.to = tcp(e.side);
            s.text = tcpStateName(e.state());
            break;
        case EventKind::Send:
        case EventKind::Duplicate: {
            const qsizetype send = trace.sendIndexOf(i);
            s.kind = Statement::Message;
            s.from = tcp(e.side);
            s.to = tcp(e.side == Side::Client ? Side::Server : Side::Client);
            s.text = labeler.label(send, options.numbers,
                                   options.windowAlways ? SegmentLabeler::WindowShown::Always
                                                        : SegmentLabeler::WindowShown::WhenItMatters);
            if (e.marks & EventMark::Retransmission)
                s.text += QCoreApplication::translate("Export", " (retransmission)");
            if (e.kind == EventKind::Duplicate) {
                s.text += QCoreApplication::translate("Export", " (copy made by the wire)");
                // Copies are not told apart in the trace: the first copies of a segment take its lost copies.
                s.lost = copiesLost[size_t(send)]-- > 0;
            } else {
                s.lost = fate[size_t(send)] == 1;
            }
            if (options.detail) {
                const QString detail = labeler.detail(send);
                if (!detail.isEmpty()) s.text += u'\n' + detail;
            }
            break;
        }
        case EventKind::Deliver:
        case EventKind::Drop:
        case EventKind::Timer:
        case EventKind::Queues:
            // Deliveries and drops are part of their message; pending timers are the diagram's detail.
            continue;
        }
        out.push_back(std::move(s));
    }
    if (last + 1 >= trace.size()) notesUpTo(trace.size()); // made after the last event
    return out;
}

QString write(const Trace &trace, const Options &options, const Syntax &syntax)
{
    QString out = syntax.begin;
    out += syntax.comment.arg(syntax.escape(trace.info().source));
    for (Participant p :
         {Participant::ClientApp, Participant::ClientTcp, Participant::ServerTcp, Participant::ServerApp})
        out += syntax.participant.arg(participantId(p), syntax.escape(participantTitle(p)));
    for (const Statement &s : build(trace, options)) {
        if (s.kind == Statement::Note)
            out += syntax.note.arg(participantId(s.from), syntax.escape(s.text));
        else
            out += (s.lost ? syntax.lostMessage : syntax.message)
                       .arg(participantId(s.from), participantId(s.to), syntax.escape(s.text));
    }
    out += syntax.end;
    return out;
}

} // namespace SequenceScript
