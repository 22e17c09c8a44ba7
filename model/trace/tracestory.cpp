// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracestory.h"

#include "errnoname.h"
#include "eventtext.h"
#include "trace.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>

namespace {

// One step's story, per side: what could differ between two honest runs of the same script is
// left out (the interleaving of the two hosts, descriptor numbers, states the probe saw in passing).
struct StepStory {
    QStringList sent[2]; // in the order each side sent them
    QStringList wire[2]; // what the wire did with each side's segments
    QStringList calls[2]; // calls and returns, with results
    QStringList states[2]; // sockets' states at the step's end, sorted
};

QString segmentText(const Event &e)
{
    QString text = tcpFlagsText(e.flags);
    if (e.length) text += QStringLiteral(" len %1").arg(e.length);
    if (e.marks & EventMark::Retransmission) text += QStringLiteral(" (retransmission)");
    return text;
}

QString callText(const Trace &trace, const Event &e)
{
    const CallRecord &r = trace.callRecord(e);
    switch (e.kind) {
    case EventKind::Call:
        return r.fn + QStringLiteral("()");
    case EventKind::Signal:
        if (EventText::isQtOwnCall(r)) // its descriptor's number is no part of the story
            return QStringLiteral("%1 by %2").arg(r.fn, r.args.value(u"by").toString());
        // readyRead's byte count depends on how the bytes arrived; an error's name does not.
        return r.fn + QStringLiteral(" signal")
            + (r.fn.contains(u"error", Qt::CaseInsensitive) ? QStringLiteral(" ") + r.detail : QString());
    default:
        break;
    }
    const QString fn = r.callEvent >= 0 ? trace.callRecord(trace.at(r.callEvent)).fn : r.fn;
    if (!r.hasResult) return fn + QStringLiteral(" returned");
    if (r.result < 0) return QStringLiteral("%1 returned %2 %3").arg(fn).arg(r.result).arg(errnoName(r.err));
    // A new descriptor's number depends on what else the process has open, not on the kernels.
    const bool descriptor = fn == u"socket" || fn == u"accept";
    QString text = descriptor ? QStringLiteral("%1 returned a descriptor").arg(fn)
                              : QStringLiteral("%1 returned %2").arg(fn).arg(r.result);
    // The data a read gave is the story; accept()'s peer (an ephemeral port) is not.
    if (!r.detail.isEmpty() && fn.contains(u"read", Qt::CaseInsensitive))
        text += QStringLiteral(" \"%1\"").arg(r.detail);
    return text;
}

std::vector<StepStory> stories(const Trace &trace, int steps)
{
    std::vector<StepStory> out(size_t(std::max(0, steps)));
    QHash<quint64, TcpState> socketState; // the socket's ports are random; only its state is compared
    for (int k = 0; k < steps; ++k) {
        StepStory &story = out[size_t(k)];
        for (qsizetype i = trace.stepBegin(k); i < trace.stepEnd(k); ++i) {
            const Event &e = trace.at(i);
            const int side = int(e.side);
            switch (e.kind) {
            case EventKind::Send:
                story.sent[side] << segmentText(e);
                break;
            case EventKind::Deliver:
            case EventKind::Drop:
            case EventKind::Duplicate:
                story.wire[side] << QStringLiteral("%1 %2").arg(eventKindName(e.kind), segmentText(e));
                break;
            case EventKind::Call:
            case EventKind::Return:
            case EventKind::Signal:
                story.calls[side] << callText(trace, e);
                break;
            case EventKind::State:
                socketState.insert((quint64(e.side) << 32) | (quint64(e.localPort) << 16) | e.remotePort, e.state());
                break;
            case EventKind::Timer:
                break; // sampled by the probe while armed: when it is seen is timing
            case EventKind::Queues:
                break; // sampled by the probe: a transfer's queues at a poll are timing
            }
        }
        for (auto it = socketState.cbegin(); it != socketState.cend(); ++it) {
            if (it.value() != TcpState::Closed) story.states[int(it.key() >> 32)] << tcpStateName(it.value());
        }
        for (QStringList &s : story.states)
            s.sort();
    }
    return out;
}

QString listText(const QStringList &items)
{
    return items.isEmpty() ? QCoreApplication::translate("TraceStory", "nothing") : items.join(QStringLiteral(", "));
}

} // namespace

namespace TraceStory {

QStringList differences(const Trace &recording, const Trace &replay, int steps, int limit)
{
    QStringList out;
    steps = std::min({steps, int(recording.steps().size()), int(replay.steps().size())});
    const std::vector<StepStory> a = stories(recording, steps);
    const std::vector<StepStory> b = stories(replay, steps);
    const auto tr = [](const char *text) { return QCoreApplication::translate("TraceStory", text); };
    for (int k = 0; k < steps && out.size() < limit; ++k) {
        const StepStory &x = a[size_t(k)];
        const StepStory &y = b[size_t(k)];
        for (Side side : {Side::Client, Side::Server}) {
            const int s = int(side);
            const struct {
                const QStringList &recorded;
                const QStringList &replayed;
                const char *what;
            } rows[] = {
                {x.sent[s], y.sent[s], QT_TRANSLATE_NOOP("TraceStory", "the %1's kernel sent")},
                {x.wire[s], y.wire[s], QT_TRANSLATE_NOOP("TraceStory", "the wire did with the %1's segments")},
                {x.calls[s], y.calls[s], QT_TRANSLATE_NOOP("TraceStory", "the %1's calls")},
                {x.states[s], y.states[s], QT_TRANSLATE_NOOP("TraceStory", "the %1's sockets ended the step in")},
            };
            for (const auto &row : rows) {
                if (row.recorded == row.replayed || out.size() >= limit) continue;
                out << tr("step %1: %2 %3 in the recording, %4 now")
                           .arg(k + 1)
                           .arg(tr(row.what).arg(sideText(side)), listText(row.recorded), listText(row.replayed));
            }
        }
    }
    return out;
}

} // namespace TraceStory
