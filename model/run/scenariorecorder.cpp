// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariorecorder.h"

#include "lab/bsdhost.h"
#include "lab/kernelprobe.h"
#include "lab/lab.h"
#include "lab/qthost.h"
#include "trace/eventtext.h"
#include "trace/hostsettings.h"
#include "trace/trace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>

namespace {
SegmentPattern patternOf(const Event &send)
{
    SegmentPattern p;
    p.direction = directionFrom(send.side);
    p.flags = send.flags & SegmentPattern::kMask;
    p.data = send.length > 0;
    p.retransmission = bool(send.marks & EventMark::Retransmission);
    return p;
}

ScenarioCondition condition(ScenarioCondition::Kind kind, Side side, const QString &name)
{
    ScenarioCondition c;
    c.kind = kind;
    c.side = side;
    c.name = name;
    return c;
}

} // namespace

ScenarioRecorder::ScenarioRecorder(Lab *lab, QObject *parent)
    : QObject(parent)
    , m_lab(lab)
{ }

void ScenarioRecorder::clear()
{
    m_steps.clear();
    m_handles.clear();
    m_callNames.clear();
    m_lastBsdCall[0] = m_lastBsdCall[1] = -1;
    m_lastActionAt = 0;
    m_counter = 0;
}

QString ScenarioRecorder::handleName(Side side, Flavour flavour, qint64 number) const
{
    // The most recent handle with that number: descriptor numbers are reused after close().
    for (auto it = m_handles.rbegin(); it != m_handles.rend(); ++it) {
        if (it->side != side || it->flavour != flavour) continue;
        if (it->qtSocket >= 0) {
            if (it->qtSocket == number) return it->name;
            continue;
        }
        const std::optional<CallResult> r =
            flavour == Flavour::Bsd ? m_lab->bsd(side)->result(it->call) : m_lab->qt(side)->result(it->call);
        if (r && r->value == number) return it->name;
    }
    return {};
}

bool ScenarioRecorder::signalSinceLastAction(Side side, const QString &name) const
{
    const Trace *trace = m_lab->trace();
    for (qsizetype i = m_lastActionAt; i < trace->size(); ++i) {
        const Event &e = trace->at(i);
        if (e.kind == EventKind::Signal && e.side == side && trace->callRecord(e).fn == name) return true;
    }
    return false;
}

void ScenarioRecorder::push(ScenarioStep step, std::vector<ScenarioCondition> preconditions, qsizetype actionAt)
{
    // What this action needs is what the step before it waits for: replayed, the previous step
    // ends only when the kernels got as far as they had when the user acted.
    if (!m_steps.empty()) {
        std::vector<ScenarioCondition> &until = m_steps.back().until;
        // The states the user saw the kernels reach before acting: the replay waits for them too,
        // so it acts no earlier than the user did. Ports are left out (ephemeral ones change).
        const Trace *trace = m_lab->trace();
        const qsizetype end = actionAt >= 0 ? std::min(actionAt, trace->size()) : trace->size();
        m_lab->probe()->pollNow(); // what holds now; what it appends lies past `end`
        for (qsizetype i = m_lastActionAt; i < end; ++i) {
            const Event &e = trace->at(i);
            // A socket between bind() and listen() reads CLOSED: not a state of a connection.
            if (e.kind != EventKind::State || (e.state() == TcpState::Closed && !e.remotePort)) continue;
            // Only states that still hold: one the kernels passed through between two samples of
            // the probe might not be sampled in the replay, and waiting for it would never end.
            const std::vector<KernelSocket> now = m_lab->probe()->sockets(e.side);
            if (std::none_of(now.begin(), now.end(), [&](const KernelSocket &k) { return k.state == e.state(); }))
                continue;
            const bool known = std::any_of(until.begin(), until.end(), [&](const ScenarioCondition &c) {
                return c.kind == ScenarioCondition::Kind::State && c.side == e.side && c.state == e.state();
            });
            if (!known) {
                ScenarioCondition c = condition(ScenarioCondition::Kind::State, e.side, {});
                c.state = e.state();
                until.push_back(c);
            }
        }
        until.insert(until.end(), preconditions.begin(), preconditions.end());
    }
    m_steps.push_back(std::move(step));
    // The next step's states are those from this action on.
    m_lastActionAt = actionAt >= 0 ? std::min(actionAt, m_lab->trace()->size()) : m_lab->trace()->size();
}

bool ScenarioRecorder::addCall(qsizetype callEvent, QString *error)
{
    QString ignored;
    QString &why = error ? *error : ignored;
    const Trace *trace = m_lab->trace();
    if (callEvent < 0 || callEvent >= trace->size() || trace->at(callEvent).kind != EventKind::Call) {
        why = tr("event %1 is not a call").arg(callEvent);
        return false;
    }
    const Event &e = trace->at(callEvent);
    const CallRecord &record = trace->callRecord(e);
    const SocketCall *call = SocketCall::recorded(record.fn);
    if (!call) {
        why = tr("%1 is no call a scenario can make").arg(record.fn);
        return false;
    }
    ScenarioAction a;
    a.kind = ScenarioAction::Kind::Call;
    a.side = e.side;
    a.flavour = call->flavour;
    a.call = call->name;
    std::vector<ScenarioCondition> pre;
    const QJsonObject &in = record.args;
    // The arguments a scenario gives the call, from what the trace recorded of them (a write's data
    // among them, the repeat it was not made with not); descriptors and Qt sockets by the name of
    // the call that made them.
    for (const SocketCall::Arg &arg : call->args) {
        const QJsonValue value = in.value(arg.recordedName());
        if (value.isUndefined()) continue;
        if (arg.type == SocketCall::ArgType::Handle) {
            const QString name = handleName(a.side, a.flavour, value.toInteger());
            if (name.isEmpty()) {
                // A call made with no socket chosen names fd -1: say what to do, not what -1 is.
                why = value.toInteger() < 0
                    ? tr("%1() was made without a socket; choose one in the Socket box first").arg(record.fn)
                    : tr("%1 %2 was not made by a recorded call").arg(arg.name).arg(value.toInteger());
                return false;
            }
            a.args.insert(arg.name, name);
            pre.push_back(condition(ScenarioCondition::Kind::Returned, a.side, name));
            continue;
        }
        if (arg.type == SocketCall::ArgType::Text
            && in.value(u"count").toInteger() != value.toString().toUtf8().size()) {
            why = tr("the trace keeps only the first 64 bytes of a write; this one had %1")
                      .arg(in.value(u"count").toInteger());
            return false;
        }
        a.args.insert(arg.name, value);
    }
    // A single-threaded program makes its next call only after the previous one returned.
    if (a.flavour == Flavour::Bsd) {
        const qsizetype previous = m_lastBsdCall[int(a.side)];
        if (previous >= 0 && m_lab->bsd(a.side)->hasReturned(previous) && m_callNames.count(previous))
            pre.push_back(condition(ScenarioCondition::Kind::Returned, a.side, m_callNames[previous]));
        m_lastBsdCall[int(a.side)] = callEvent;
    }
    // What a Qt program reacts to: the signal that told it a connection or data was there.
    if (const QString cue = call->cue; !cue.isEmpty() && signalSinceLastAction(a.side, cue))
        pre.push_back(condition(ScenarioCondition::Kind::Signal, a.side, cue));

    a.as = QStringLiteral("%1_%2%3").arg(sideName(a.side), a.call).arg(++m_counter);
    m_callNames[callEvent] = a.as;
    if (call->makesHandle()) {
        const int qtSocket =
            call->makes == SocketCall::Makes::RecordedSocket ? int(in.value(u"socket").toInteger()) : -1;
        m_handles.push_back({a.side, a.flavour, callEvent, a.as, qtSocket});
    }
    ScenarioStep step;
    // The call as the panels and the diagram write it, and what it does: a caption to edit, not to write.
    step.caption =
        tr("The %1 calls %2. %3.")
            .arg(sideText(a.side), EventText::shortCall(trace->callRecord(trace->at(callEvent))), call->summaryText());
    step.actions.push_back(std::move(a));
    push(std::move(step), std::move(pre), callEvent);
    return true;
}

bool ScenarioRecorder::addWireAction(WireAction action, qsizetype sendIndex, bool newest, QString *error)
{
    const Trace *trace = m_lab->trace();
    if (sendIndex < 0 || sendIndex >= trace->size() || trace->at(sendIndex).kind != EventKind::Send) {
        if (error) *error = tr("a deliver, drop or duplicate of a segment the wire holds is expected");
        return false;
    }
    ScenarioAction a;
    a.kind = ScenarioAction::Kind::Wire;
    a.wireOp = ScenarioAction::WireOp::Segment;
    a.segmentAction = action;
    a.segment = patternOf(trace->at(sendIndex));
    a.newest = newest;
    ScenarioStep step;
    const QString verb = action == WireAction::Deliver ? tr("delivers")
        : action == WireAction::Drop                   ? tr("drops")
                                                       : tr("duplicates");
    step.caption = tr("The wire %1 the %2.").arg(verb, a.segment.describe());
    ScenarioCondition onWire;
    onWire.kind = ScenarioCondition::Kind::Segment;
    onWire.segment = a.segment;
    step.actions.push_back(std::move(a));
    // Before the action: the wire's own event for it, if the wire already acted.
    qsizetype actionAt = -1;
    for (qsizetype i = m_lastActionAt; i < trace->size() && actionAt < 0; ++i) {
        const Event &e = trace->at(i);
        if ((e.kind == EventKind::Deliver || e.kind == EventKind::Drop || e.kind == EventKind::Duplicate)
            && qsizetype(e.ref) == sendIndex)
            actionAt = i;
    }
    push(std::move(step), {onWire}, actionAt);
    return true;
}

void ScenarioRecorder::addWireMode(WireMode mode, int latencyMs, std::optional<Direction> direction)
{
    ScenarioAction a;
    a.kind = ScenarioAction::Kind::Wire;
    a.wireOp = ScenarioAction::WireOp::Mode;
    a.mode = mode;
    a.latencyMs = latencyMs;
    a.bothDirections = !direction.has_value();
    a.direction = direction.value_or(Direction::ClientToServer);
    ScenarioStep step;
    step.caption = mode == WireMode::Auto ? tr("The wire delivers by itself after %1 ms.").arg(latencyMs)
                                          : tr("The wire holds each segment until it is delivered by hand.");
    step.actions.push_back(std::move(a));
    push(std::move(step), {}, -1);
}

void ScenarioRecorder::addSetting(Side side, const QString &key, const QString &value)
{
    ScenarioAction a;
    a.kind = ScenarioAction::Kind::Set;
    a.side = side;
    a.settings[key] = value;
    ScenarioStep step;
    step.caption = tr("The %1's host sets %2 to %3: the next connection is made with it.")
                       .arg(sideName(side), HostSettings::displayName(key), HostSettings::valueText(key, value));
    step.actions.push_back(std::move(a));
    push(std::move(step), {}, -1);
}

void ScenarioRecorder::addRestart(Side side)
{
    ScenarioAction a;
    a.kind = ScenarioAction::Kind::Host;
    a.side = side;
    ScenarioStep step;
    step.caption = tr("The %1's host restarts: its kernel forgets every connection; the next segment of an old "
                      "connection is answered with RST.")
                       .arg(sideName(side));
    step.actions.push_back(std::move(a));
    push(std::move(step), {}, -1);
}

void ScenarioRecorder::setCaption(int step, const QString &caption)
{
    if (step >= 0 && step < stepCount()) m_steps[size_t(step)].caption = caption;
}

Scenario ScenarioRecorder::scenario(const QString &id, const QString &title, const QString &description) const
{
    Scenario s;
    s.id = id;
    s.title = title;
    s.description = description;
    // Made over IPv6, it says so; over IPv4 it leaves the choice to whoever runs it (4 unless chosen).
    if (m_lab->ipVersion() == 6) s.ipVersion = 6;
    s.steps = m_steps;
    return s;
}
