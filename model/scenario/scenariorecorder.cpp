// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariorecorder.h"

#include "../lab/bsdhost.h"
#include "../lab/lab.h"
#include "../lab/qthost.h"
#include "../trace/trace.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {
// What the trace records for Qt's calls, and the short names scenario files use.
struct QtName {
    const char16_t *recorded;
    const char16_t *call;
};
const QtName kQtNames[] = {
    { u"QTcpServer::listen", u"listen" },
    { u"QTcpServer::nextPendingConnection", u"nextPendingConnection" },
    { u"QTcpSocket::connectToHost", u"connectToHost" },
    { u"QTcpSocket::write", u"write" },
    { u"QTcpSocket::readAll", u"read" },
    { u"QTcpSocket::disconnectFromHost", u"disconnectFromHost" },
    { u"QTcpSocket::close", u"close" },
    { u"QTcpSocket::abort", u"abort" },
};

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

QString argText(const QJsonObject &args)
{
    QStringList parts;
    for (auto it = args.begin(); it != args.end(); ++it)
        parts << it.key() + u'='
                + (it.value().isString() ? it.value().toString() : QString::number(it.value().toDouble()));
    return parts.join(QStringLiteral(", "));
}
}

ScenarioRecorder::ScenarioRecorder(Lab *lab, QObject *parent)
    : QObject(parent)
    , m_lab(lab)
{
}

void ScenarioRecorder::clear()
{
    m_steps.clear();
    m_handles.clear();
    m_callNames.clear();
    m_lastBsdCall[0] = m_lastBsdCall[1] = -1;
    m_lastActionAt = 0;
    m_counter = 0;
}

QString ScenarioRecorder::handleName(Side side, ScenarioApi api, qint64 number) const
{
    // The most recent handle with that number: descriptor numbers are reused after close().
    for (auto it = m_handles.rbegin(); it != m_handles.rend(); ++it) {
        if (it->side != side || it->api != api)
            continue;
        if (api == ScenarioApi::Qt && it->qtSocket >= 0) {
            if (it->qtSocket == number)
                return it->name;
            continue;
        }
        const std::optional<CallResult> r
            = api == ScenarioApi::Bsd ? m_lab->bsd(side)->result(it->call) : m_lab->qt(side)->result(it->call);
        if (r && r->value == number)
            return it->name;
    }
    return {};
}

bool ScenarioRecorder::signalSinceLastAction(Side side, const QString &name) const
{
    const Trace *trace = m_lab->trace();
    for (qsizetype i = m_lastActionAt; i < trace->size(); ++i) {
        const Event &e = trace->at(i);
        if (e.kind == EventKind::Signal && e.side == side && trace->callRecord(e).fn == name)
            return true;
    }
    return false;
}

void ScenarioRecorder::push(ScenarioStep step, std::vector<ScenarioCondition> preconditions)
{
    // What this action needs is what the step before it waits for: replayed, the previous step
    // ends only when the kernels got as far as they had when the user acted.
    if (!m_steps.empty()) {
        std::vector<ScenarioCondition> &until = m_steps.back().until;
        until.insert(until.end(), preconditions.begin(), preconditions.end());
    }
    m_steps.push_back(std::move(step));
    m_lastActionAt = m_lab->trace()->size();
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
    ScenarioAction a;
    a.kind = ScenarioAction::Kind::Call;
    a.side = e.side;
    a.api = ScenarioApi::Bsd;
    a.call = record.fn;
    for (const QtName &n : kQtNames) {
        if (record.fn == QStringView(n.recorded)) {
            a.api = ScenarioApi::Qt;
            a.call = QString::fromUtf16(n.call);
        }
    }
    std::vector<ScenarioCondition> pre;
    const QJsonObject &in = record.args;
    const QString handleKey = a.api == ScenarioApi::Bsd ? QStringLiteral("fd") : QStringLiteral("socket");
    // connectToHost records the id of the socket it is about to make: that is not an argument.
    if (in.contains(handleKey) && a.call != u"connectToHost") {
        const QString name = handleName(a.side, a.api, in.value(handleKey).toInteger());
        if (name.isEmpty()) {
            why = tr("%1 %2 was not made by a recorded call").arg(handleKey).arg(in.value(handleKey).toInteger());
            return false;
        }
        a.args.insert(handleKey, name);
        pre.push_back(condition(ScenarioCondition::Kind::Returned, a.side, name));
    }
    for (const char16_t *key : { u"addr", u"port", u"backlog", u"how", u"option" }) {
        // QTcpServer::listen records the address it listens on; a scenario's listen takes only the port.
        const bool implied = a.api == ScenarioApi::Qt && a.call == u"listen" && QStringView(key) == u"addr";
        if (in.contains(QStringView(key)) && !implied)
            a.args.insert(QStringView(key), in.value(QStringView(key)));
    }
    if (a.call == u"read" && a.api == ScenarioApi::Bsd)
        a.args.insert(u"count", in.value(u"count"));
    if (a.call == u"write") {
        if (in.value(u"count").toInteger() != in.value(u"data").toString().toUtf8().size()) {
            why = tr("the trace keeps only the first 64 bytes of a write; this one had %1")
                      .arg(in.value(u"count").toInteger());
            return false;
        }
        a.args.insert(u"data", in.value(u"data"));
    }
    if (a.call == u"setsockopt") {
        if (in.value(u"option").toString() == u"SO_LINGER") {
            a.args.insert(u"onoff", in.value(u"l_onoff"));
            a.args.insert(u"linger", in.value(u"l_linger"));
        } else {
            a.args.insert(u"value", in.value(u"value"));
        }
    }
    // A single-threaded program makes its next call only after the previous one returned.
    if (a.api == ScenarioApi::Bsd) {
        const qsizetype previous = m_lastBsdCall[int(a.side)];
        if (previous >= 0 && m_lab->bsd(a.side)->hasReturned(previous) && m_callNames.count(previous))
            pre.push_back(condition(ScenarioCondition::Kind::Returned, a.side, m_callNames[previous]));
        m_lastBsdCall[int(a.side)] = callEvent;
    }
    // What a Qt program reacts to: the signal that told it a connection or data was there.
    const QString cue = a.call == u"nextPendingConnection" ? QStringLiteral("newConnection")
        : a.call == u"read"                                ? QStringLiteral("readyRead")
                                                           : QString();
    if (a.api == ScenarioApi::Qt && !cue.isEmpty() && signalSinceLastAction(a.side, cue))
        pre.push_back(condition(ScenarioCondition::Kind::Signal, a.side, cue));

    a.as = QStringLiteral("%1_%2%3").arg(sideName(a.side), a.call).arg(++m_counter);
    m_callNames[callEvent] = a.as;
    const bool makesHandle = a.api == ScenarioApi::Bsd
        ? (a.call == u"socket" || a.call == u"accept")
        : (a.call == u"connectToHost" || a.call == u"nextPendingConnection");
    if (makesHandle) {
        const int qtSocket = a.call == u"connectToHost" ? int(in.value(u"socket").toInteger()) : -1;
        m_handles.push_back({ a.side, a.api, callEvent, a.as, qtSocket });
    }
    ScenarioStep step;
    step.caption = tr("The %1 calls %2(%3).").arg(sideName(a.side), a.call, argText(a.args));
    step.actions.push_back(std::move(a));
    push(std::move(step), std::move(pre));
    return true;
}

bool ScenarioRecorder::addWireAction(ScenarioAction::WireOp op, qsizetype sendIndex, bool newest, QString *error)
{
    const Trace *trace = m_lab->trace();
    if (op == ScenarioAction::WireOp::DeliverAll || op == ScenarioAction::WireOp::Mode || sendIndex < 0
        || sendIndex >= trace->size() || trace->at(sendIndex).kind != EventKind::Send) {
        if (error)
            *error = tr("a deliver, drop or duplicate of a segment the wire holds is expected");
        return false;
    }
    ScenarioAction a;
    a.kind = ScenarioAction::Kind::Wire;
    a.wireOp = op;
    a.segment = patternOf(trace->at(sendIndex));
    a.newest = newest;
    ScenarioStep step;
    const QString verb = op == ScenarioAction::WireOp::Deliver ? tr("delivers")
        : op == ScenarioAction::WireOp::Drop                   ? tr("drops")
                                                               : tr("duplicates");
    step.caption = tr("The wire %1 the %2.").arg(verb, a.segment.describe());
    ScenarioCondition onWire;
    onWire.kind = ScenarioCondition::Kind::Segment;
    onWire.segment = a.segment;
    step.actions.push_back(std::move(a));
    push(std::move(step), { onWire });
    return true;
}

void ScenarioRecorder::addDeliverAll()
{
    ScenarioAction a;
    a.kind = ScenarioAction::Kind::Wire;
    a.wireOp = ScenarioAction::WireOp::DeliverAll;
    ScenarioStep step;
    step.caption = tr("The wire delivers every segment it holds.");
    step.actions.push_back(std::move(a));
    push(std::move(step), {});
}

void ScenarioRecorder::addWireMode(Wire::Mode mode, int latencyMs, std::optional<Direction> direction)
{
    ScenarioAction a;
    a.kind = ScenarioAction::Kind::Wire;
    a.wireOp = ScenarioAction::WireOp::Mode;
    a.mode = mode;
    a.latencyMs = latencyMs;
    a.bothDirections = !direction.has_value();
    a.direction = direction.value_or(Direction::ClientToServer);
    ScenarioStep step;
    step.caption = mode == Wire::Mode::Auto ? tr("The wire delivers by itself after %1 ms.").arg(latencyMs)
                                            : tr("The wire holds each segment until it is delivered by hand.");
    step.actions.push_back(std::move(a));
    push(std::move(step), {});
}

void ScenarioRecorder::setCaption(int step, const QString &caption)
{
    if (step >= 0 && step < stepCount())
        m_steps[size_t(step)].caption = caption;
}

Scenario ScenarioRecorder::scenario(const QString &id, const QString &title, const QString &description) const
{
    Scenario s;
    s.id = id;
    s.title = title;
    s.description = description;
    s.steps = m_steps;
    return s;
}
