// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariorunner.h"

#include "scenario/captionfields.h"

#include "lab/bsdhost.h"
#include "lab/callmaker.h"
#include "lab/kernelprobe.h"
#include "lab/lab.h"
#include "lab/qthost.h"
#include "lab/wire.h"
#include "trace/errnoname.h"
#include "trace/labhosts.h"
#include "trace/segmentlabels.h"
#include "trace/trace.h"

#include <algorithm>
#include <cerrno>
#include <string_view>

namespace {
constexpr int kPollMs = 10;
// A replayed step that has sent what its recording sent: long enough for the kernels' states to be
// read after the last delivery, far shorter than a quiet period.
constexpr int kReplayQuietMs = 20;

} // namespace

ScenarioRunner::ScenarioRunner(Lab *lab, Scenario scenario, QObject *parent)
    : QObject(parent)
    , m_lab(lab)
    , m_scenario(std::move(scenario))
    , m_labels(std::make_unique<SegmentLabeler>(*lab->trace()))
{
    connect(lab->trace(), &Trace::cleared, this, [this] { m_labels->reset(); });
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &ScenarioRunner::check);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ScenarioRunner::timedOut);
    connect(lab->trace(), &Trace::eventsAppended, this, &ScenarioRunner::check);
    for (Side s : {Side::Client, Side::Server}) {
        connect(lab->bsd(s), &BsdHost::returned, this, &ScenarioRunner::callReturned);
        connect(lab->qt(s), &QtHost::returned, this, &ScenarioRunner::callReturned);
    }
}

ScenarioRunner::~ScenarioRunner() = default;

QString ScenarioRunner::stepName() const
{
    return tr("Step %1 of %2").arg(m_step + 1).arg(m_scenario.steps.size());
}

bool ScenarioRunner::prepare()
{
    m_prepared = true;
    // The recording says which scenario it is, so a saved file plays back with its title.
    TraceInfo info = m_lab->trace()->info();
    info.scenarioId = m_scenario.id;
    info.scenarioTitle = m_scenario.title;
    info.scenarioDescription = m_scenario.description;
    m_lab->trace()->setInfo(info);
    for (Side side : {Side::Client, Side::Server}) {
        if (!configureHost(side)) return false;
    }
    return true;
}

bool ScenarioRunner::configureHost(Side side)
{
    for (const auto &[name, value] : m_scenario.sysctls[int(side)]) {
        LabError error;
        if (!m_lab->setSysctl(side, name, value, &error)) {
            const QByteArray n = name.toLatin1(), v = value.toLatin1();
            if (error.err == ENOENT && !error.fatal
                && labproto::isMissingSysctlSameAs(std::string_view(n.constData(), size_t(n.size())),
                                                   std::string_view(v.constData(), size_t(v.size()))))
                continue; // this kernel has no such setting, and behaves as the value asks
            finish(false, tr("Cannot set %1 = %2 on the %3: %4").arg(name, value, sideText(side), error.message()));
            return false;
        }
    }
    LabError error;
    if (m_scenario.quickAck[int(side)] && !m_lab->setQuickAck(side, true, &error)) {
        finish(false, tr("Cannot make the %1 ACK at once: %2").arg(sideText(side), error.message()));
        return false;
    }
    return true;
}

bool ScenarioRunner::step()
{
    if (m_finished || m_waiting) return false;
    if (!m_lab->isReady()) {
        finish(false, tr("The lab is not running: %1").arg(m_lab->error().message()));
        return false;
    }
    if (!m_prepared && !prepare()) return false;
    if (m_step + 1 >= stepCount()) {
        finish(m_failures.isEmpty(), {});
        return false;
    }
    ++m_step;
    const ScenarioStep &s = m_scenario.steps[size_t(m_step)];
    Trace *trace = m_lab->trace();
    // What the wire thread did before the step begins belongs to the step before.
    m_lab->wire()->flush();
    m_stepStart = trace->size();
    m_stepStartNs = trace->now();
    m_scan = StepScan {m_stepStart, 0, m_stepStartNs, std::vector<char>(s.until.size(), 0)};
    m_error.clear();
    // The step's boundary and caption go into the trace: a recording is revealed step by step.
    trace->appendStep(s.caption);
    // Fields the step's kernels have yet to fill in show as "…" until it ends (complete()).
    emit stepStarted(m_step, CaptionFields::fill(s.caption, *trace, *m_labels, m_stepStart, m_stepStart));
    for (const ScenarioAction &a : s.actions) {
        if (!act(a)) {
            finish(false, tr("%1 (%2) could not be made: %3").arg(stepName(), s.caption.left(60), m_error));
            return true;
        }
    }
    m_waiting = true;
    m_timeout.start(s.timeoutMs);
    m_poll.start();
    check();
    return true;
}

void ScenarioRunner::runAll()
{
    runThrough(stepCount() - 1);
}

void ScenarioRunner::runThrough(int lastStep)
{
    m_runThrough = lastStep;
    m_runAll = true;
    if (m_waiting) return; // complete() goes on from the step under way
    if (m_step >= lastStep && m_step + 1 < stepCount()) {
        m_runAll = false;
        emit ranThrough(m_step);
        return;
    }
    // (At the end, step() finishes the run: a scenario without steps ends at once.)
    step();
}

void ScenarioRunner::stop()
{
    if (!m_finished) finish(false, tr("Stopped at %1.").arg(stepName()));
}

// ---- actions
// ---------------------------------------------------------------------------------------------------------

bool ScenarioRunner::act(const ScenarioAction &a)
{
    if (a.kind == ScenarioAction::Kind::Wire) return wire(a);
    if (a.kind == ScenarioAction::Kind::Set) {
        // Between connections: the kernel reads these when a socket is made or connects, so the
        // next connection has them and one already open keeps what its SYNs agreed.
        for (const auto &[key, value] : a.settings) {
            LabError error;
            if (!m_lab->setHostSetting(a.side, key, value, &error)) {
                m_error = tr("cannot set %1 = %2 on the %3: %4").arg(key, value, sideText(a.side), error.message());
                return false;
            }
        }
        return true;
    }
    if (a.kind == ScenarioAction::Kind::Host) {
        LabError error;
        if (!m_lab->restartHost(a.side, &error)) {
            m_error = tr("the %1 could not restart: %2").arg(sideText(a.side), error.message());
            return false;
        }
        // The new kernel starts from the lab's defaults: the scenario's settings for the host are
        // made again, as a machine's boot applies its configuration.
        return configureHost(a.side);
    }
    if (!a.atReturnOf.isEmpty() && !returned(a.atReturnOf)) {
        // Made inside the return of the call it is chained to, as a program would make it: no
        // event-loop pass between (e.g. close() right when read() returns 0, before a delayed ACK).
        m_chained.push_back({a, m_named.value(a.atReturnOf).call});
        return true;
    }
    return call(a);
}

bool ScenarioRunner::returned(const QString &name) const
{
    const auto it = m_named.constFind(name);
    if (it == m_named.cend() || it->call < 0) return false;
    return it->flavour == Flavour::Bsd ? m_lab->bsd(it->side)->hasReturned(it->call)
                                       : m_lab->qt(it->side)->result(it->call).has_value();
}

void ScenarioRunner::callReturned(qsizetype callEvent)
{
    for (size_t i = 0; i < m_chained.size();) {
        if (m_chained[i].trigger != callEvent) {
            ++i;
            continue;
        }
        const ScenarioAction action = m_chained[i].action;
        m_chained.erase(m_chained.begin() + qsizetype(i));
        if (!call(action) && !m_finished) {
            m_error = tr("%1() chained to the return of %2: %3").arg(action.call, action.atReturnOf, m_error);
            // Not inside the host's signal: finish on the next pass.
            QMetaObject::invokeMethod(this, &ScenarioRunner::check, Qt::QueuedConnection);
        }
    }
}

bool ScenarioRunner::handle(const ScenarioAction &a, QLatin1StringView key, qint64 &out)
{
    const QString name = a.args.value(key).toString();
    const auto it = m_named.constFind(name);
    if (it == m_named.cend()) {
        m_error = tr("\"%1\" was never made").arg(name);
        return false;
    }
    if (it->qtSocket >= 0) {
        out = it->qtSocket;
        return true;
    }
    const std::optional<CallResult> r =
        it->flavour == Flavour::Bsd ? m_lab->bsd(it->side)->result(it->call) : m_lab->qt(it->side)->result(it->call);
    if (!r) {
        m_error = tr("\"%1\" has not returned yet").arg(name);
        return false;
    }
    if (r->value < 0) {
        m_error = tr("\"%1\" failed (%2), so there is nothing to use")
                      .arg(name, r->err ? errnoName(r->err) : QStringLiteral("-1"));
        return false;
    }
    out = r->value;
    return true;
}

bool ScenarioRunner::call(const ScenarioAction &a)
{
    const SocketCall *call = SocketCall::find(a.flavour, a.call);
    if (!call) {
        m_error = tr("%1 is no %2 call").arg(a.call, SocketCall::flavourName(a.flavour));
        return false;
    }
    // The file names descriptors and Qt sockets by the call that made them; the call takes their numbers.
    QJsonObject args = a.args;
    for (const SocketCall::Arg &arg : call->args) {
        if (arg.type != SocketCall::ArgType::Handle || !args.contains(arg.name)) continue;
        qint64 number = -1;
        if (!handle(a, arg.name, number)) return false;
        args.insert(arg.name, number);
    }
    const qsizetype id = CallMaker::make(*m_lab, a.side, *call, args, &m_error);
    if (id < 0) return false;
    if (!a.as.isEmpty()) {
        const int qtSocket = call->makes == SocketCall::Makes::RecordedSocket
            ? m_lab->trace()->callRecord(m_lab->trace()->at(id)).args.value(u"socket").toInt(-1)
            : -1;
        m_named.insert(a.as, Named {a.side, a.flavour, id, qtSocket});
    }
    return true;
}

bool ScenarioRunner::wire(const ScenarioAction &a)
{
    Wire *w = m_lab->wire();
    using Op = ScenarioAction::WireOp;
    if (a.wireOp == Op::Mode) {
        for (Direction d : {Direction::ClientToServer, Direction::ServerToClient}) {
            if (a.bothDirections || d == a.direction) w->setMode(d, a.mode, qint64(a.latencyMs) * 1000000);
        }
        return true;
    }
    if (a.wireOp == Op::DeliverAll) {
        // Oldest first across both directions, by identity: delivering may make the kernels send more.
        std::vector<std::pair<qsizetype, quint64>> held;
        for (Direction d : {Direction::ClientToServer, Direction::ServerToClient}) {
            for (const InFlight &f : w->inFlight(d))
                held.emplace_back(f.sendIndex, f.id);
        }
        std::sort(held.begin(), held.end());
        for (const auto &[index, id] : held)
            w->deliver(id);
        return true;
    }
    const Trace *trace = m_lab->trace();
    const InFlight *found = nullptr;
    for (const InFlight &f : w->inFlight(a.segment.direction)) {
        const Event &send = trace->at(f.sendIndex);
        if (a.segment.matches(send, trace->packet(send))) {
            found = &f;
            if (!a.newest) break;
        }
    }
    if (!found) {
        m_error = tr("no %1 is held on the wire (%2)").arg(a.segment.describe(), wireSummary());
        return false;
    }
    return w->act(a.segmentAction, found->id);
}

// ---- conditions
// ------------------------------------------------------------------------------------------------------

bool ScenarioRunner::inStateNow(Side side, TcpState state, quint16 port) const
{
    if (state == TcpState::Closed) return false; // a closed socket is no longer listed
    for (const KernelSocket &s : m_lab->probe()->sockets(side)) {
        if (s.state == state && (!port || s.localPort == port)) return true;
    }
    return false;
}

bool ScenarioRunner::stepShows(const ScenarioCondition &c, const QString &detail) const
{
    const Trace *trace = m_lab->trace();
    for (qsizetype i = m_stepStart; i < trace->size(); ++i) {
        if (matches(c, trace->at(i), detail)) return true;
    }
    return false;
}

ScenarioCondition ScenarioRunner::conditionOf(const ScenarioExpectation &e)
{
    using K = ScenarioExpectation::Kind;
    ScenarioCondition c;
    c.kind = e.kind == K::State ? ScenarioCondition::Kind::State
        : e.kind == K::Signal   ? ScenarioCondition::Kind::Signal
                                : ScenarioCondition::Kind::Segment;
    c.segment = e.segment;
    c.onlyNew = true; // sent in the step
    c.side = e.side;
    c.state = e.state;
    c.port = e.port;
    c.name = e.name;
    return c;
}

void ScenarioRunner::scan()
{
    const Trace *trace = m_lab->trace();
    const std::vector<ScenarioCondition> &until = m_scenario.steps[size_t(m_step)].until;
    for (; m_scan.upTo < trace->size(); ++m_scan.upTo) {
        const Event &e = trace->at(m_scan.upTo);
        if (e.kind == EventKind::Send) {
            ++m_scan.sends;
            m_scan.lastSendNs = std::max(m_scan.lastSendNs, e.tNs);
        }
        for (size_t k = 0; k < until.size(); ++k) {
            if (!m_scan.seen[k] && matches(until[k], e)) m_scan.seen[k] = 1;
        }
    }
}

// Whether the event, recorded in this step, fulfils the condition for good (a segment sent, a
// state passed through, a signal emitted). Conditions on the present (Idle, Returned) match none.
bool ScenarioRunner::matches(const ScenarioCondition &c, const Event &e, const QString &detail) const
{
    using K = ScenarioCondition::Kind;
    switch (c.kind) {
    case K::Segment:
        return e.kind == EventKind::Send && c.segment.matches(e, m_lab->trace()->packet(e));
    case K::State:
        // States can pass between two polls of the probe (FIN_WAIT_1, CLOSING): the trace keeps them.
        return e.kind == EventKind::State && e.side == c.side && e.state() == c.state
            && (!c.port || e.localPort == c.port);
    case K::Signal:
        return e.kind == EventKind::Signal && e.side == c.side && m_lab->trace()->callRecord(e).fn == c.name
            && (detail.isEmpty() || m_lab->trace()->callRecord(e).detail == detail);
    case K::Idle:
    case K::Returned:
        return false;
    }
    return false;
}

// The step's condition `index`, with scan() up to date.
bool ScenarioRunner::holds(size_t index) const
{
    using K = ScenarioCondition::Kind;
    const ScenarioCondition &c = m_scenario.steps[size_t(m_step)].until[index];
    if (m_scan.seen[index]) return true;
    switch (c.kind) {
    case K::Segment:
        if (c.onlyNew) return false;
        // A segment held on the wire since an earlier step counts too.
        for (const InFlight &f : m_lab->wire()->inFlight(c.segment.direction)) {
            const Event &send = m_lab->trace()->at(f.sendIndex);
            if (c.segment.matches(send, m_lab->trace()->packet(send))) return true;
        }
        return false;
    case K::Idle: {
        if (m_lab->wire()->inFlightCount() > 0) return false;
        qint64 quietNs = qint64(c.quietMs) * 1000000;
        if (size_t(m_step) < m_recordedSends.size() && m_scan.sends >= m_recordedSends[size_t(m_step)])
            quietNs = std::min<qint64>(quietNs, kReplayQuietMs * 1000000);
        return m_lab->trace()->now() - m_scan.lastSendNs >= quietNs;
    }
    case K::State:
        return inStateNow(c.side, c.state, c.port);
    case K::Returned:
        return returned(c.name);
    case K::Signal:
        return false;
    }
    return false;
}

QString ScenarioRunner::describe(const ScenarioCondition &c) const
{
    using K = ScenarioCondition::Kind;
    switch (c.kind) {
    case K::Segment:
        return tr("a %1 on the wire").arg(c.segment.describe());
    case K::Idle:
        return tr("the wire to be idle for %1 ms").arg(c.quietMs);
    case K::State:
        return c.port
            ? tr("the %1's socket on port %2 to reach %3").arg(sideText(c.side)).arg(c.port).arg(tcpStateName(c.state))
            : tr("a socket of the %1 to reach %2").arg(sideText(c.side), tcpStateName(c.state));
    case K::Returned:
        return tr("%1 to return").arg(c.name);
    case K::Signal:
        return tr("Qt's %1() signal on the %2").arg(c.name, sideText(c.side));
    }
    return {};
}

QString ScenarioRunner::labelOf(qsizetype sendIndex) const
{
    m_labels->update();
    return m_labels->label(sendIndex, NumberStyle::Symbolic);
}

// "SYN K, ACK J+1 from the server (retransmission)": the textbook's label, so a lecturer reads
// the difference in the words of the figure.
QString ScenarioRunner::segmentText(qsizetype sendIndex) const
{
    const Event &e = m_lab->trace()->at(sendIndex);
    QString text = tr("%1 from the %2").arg(labelOf(sendIndex), sideText(e.side));
    if (e.marks & EventMark::Retransmission) text += tr(" (retransmission)");
    return text;
}

QString ScenarioRunner::wireSummary() const
{
    const Trace *trace = m_lab->trace();
    QStringList held;
    for (Direction d : {Direction::ClientToServer, Direction::ServerToClient}) {
        for (const InFlight &f : m_lab->wire()->inFlight(d))
            held << segmentText(f.sendIndex);
    }
    QStringList sent;
    for (qsizetype i = m_stepStart; i < trace->size(); ++i) {
        if (trace->at(i).kind == EventKind::Send) sent << segmentText(i);
    }
    return tr("held on the wire: %1; sent since the step began: %2")
        .arg(held.isEmpty() ? tr("nothing") : held.join(QStringLiteral("; ")),
             sent.isEmpty() ? tr("nothing") : sent.join(QStringLiteral("; ")));
}

void ScenarioRunner::check()
{
    if (m_finished) return;
    if (!m_error.isEmpty()) {
        finish(false, tr("%1 (%2): %3").arg(stepName(), m_scenario.steps[size_t(m_step)].caption.left(60), m_error));
        return;
    }
    if (!m_waiting) return;
    if (!m_lab->isReady()) {
        finish(false, tr("The lab stopped: %1").arg(m_lab->error().message()));
        return;
    }
    // The conditions read the trace and the wire: with what the wire thread has done up to now.
    m_lab->wire()->flush();
    // Conditions on kernel states read the probe's last dump: refresh it first.
    const ScenarioStep &s = m_scenario.steps[size_t(m_step)];
    for (const ScenarioCondition &c : s.until) {
        if (c.kind == ScenarioCondition::Kind::State) {
            m_lab->probe()->pollNow();
            break;
        }
    }
    scan();
    for (size_t k = 0; k < s.until.size(); ++k) {
        if (!holds(k)) return;
    }
    complete();
}

void ScenarioRunner::complete()
{
    m_completed = m_step;
    m_waiting = false;
    m_poll.stop();
    m_timeout.stop();
    m_lab->probe()->pollNow();
    const ScenarioStep &s = m_scenario.steps[size_t(m_step)];
    for (const ScenarioExpectation &e : s.expectations)
        expect(e);
    if (CaptionFields::hasFields(s.caption)) {
        Trace *trace = m_lab->trace();
        m_labels->update();
        const QString filled = CaptionFields::fill(s.caption, *trace, *m_labels, m_stepStart, trace->size());
        trace->setStepCaption(m_step, filled);
        emit captionFilled(m_step, filled);
    }
    emit stepFinished(m_step);
    if (m_finished) return;
    if (m_step + 1 >= stepCount()) {
        finish(m_failures.isEmpty(), {});
        return;
    }
    // The next step on a fresh pass of the event loop, so what the kernels do in answer is recorded first.
    if (m_runAll && m_step < m_runThrough)
        QMetaObject::invokeMethod(this, &ScenarioRunner::step, Qt::QueuedConnection);
    else if (m_runAll) {
        m_runAll = false;
        emit ranThrough(m_step);
    }
}

void ScenarioRunner::expect(const ScenarioExpectation &e)
{
    using K = ScenarioExpectation::Kind;
    const Trace *trace = m_lab->trace();
    QString problem;
    switch (e.kind) {
    case K::Segment:
    case K::NoSegment: {
        const ScenarioCondition sent = conditionOf(e);
        std::vector<qsizetype> found;
        for (qsizetype i = m_stepStart; i < trace->size(); ++i) {
            if (matches(sent, trace->at(i))) found.push_back(i);
        }
        if (e.kind == K::NoSegment) {
            if (!found.empty()) problem = tr("expected no %1, but the kernel sent one").arg(e.segment.describe());
        } else if (e.count >= 0 && int(found.size()) != e.count) {
            problem =
                tr("expected %1 × %2, the kernels sent %3").arg(e.count).arg(e.segment.describe()).arg(found.size());
        } else if (found.empty() && e.count != 0) {
            problem = tr("expected a %1").arg(e.segment.describe());
        } else if (!found.empty() && !e.label.isEmpty() && labelOf(found.front()) != e.label) {
            problem = tr("expected the %1 to be \"%2\", the kernel sent \"%3\"")
                          .arg(e.segment.describe(), e.label, labelOf(found.front()));
        }
        if (!problem.isEmpty()) problem += tr(" (%1)").arg(wireSummary());
        break;
    }
    case K::Call: {
        const auto it = m_named.constFind(e.name);
        if (it == m_named.cend() || !returned(e.name)) {
            problem = tr("expected %1 to have returned, it has not").arg(e.name);
            break;
        }
        const CallResult r = *(it->flavour == Flavour::Bsd ? m_lab->bsd(it->side)->result(it->call)
                                                           : m_lab->qt(it->side)->result(it->call));
        const QString got = r.err ? tr("%1 (%2)").arg(r.value).arg(errnoName(r.err)) : QString::number(r.value);
        if (e.result && r.value != *e.result)
            problem = tr("expected %1 to return %2, it returned %3").arg(e.name).arg(*e.result).arg(got);
        else if (!e.errnoName.isEmpty() && errnoName(r.err) != e.errnoName)
            problem = tr("expected %1 to fail with %2, it returned %3").arg(e.name, e.errnoName, got);
        else if (e.data && QString::fromUtf8(r.data) != *e.data)
            problem = tr("expected %1 to give \"%2\", it gave \"%3\"").arg(e.name, *e.data, QString::fromUtf8(r.data));
        break;
    }
    case K::State:
        // Now, or passed through since the step began (FIN_WAIT_1, CLOSING can pass between two polls).
        if (!inStateNow(e.side, e.state, e.port) && !stepShows(conditionOf(e))) {
            QStringList now;
            for (const KernelSocket &s : m_lab->probe()->sockets(e.side))
                now << QStringLiteral("%1 (port %2)").arg(tcpStateName(s.state)).arg(s.localPort);
            problem = tr("expected the %1 to reach %2; its sockets are: %3")
                          .arg(sideText(e.side), tcpStateName(e.state),
                               now.isEmpty() ? tr("none") : now.join(QStringLiteral(", ")));
        }
        break;
    case K::Signal:
        if (!stepShows(conditionOf(e), e.detail))
            problem = tr("expected Qt to emit %1(%2) on the %3").arg(e.name, e.detail, sideText(e.side));
        break;
    }
    if (problem.isEmpty()) return;
    const QString message =
        tr("%1 (%2): %3").arg(stepName(), m_scenario.steps[size_t(m_step)].caption.left(60), problem);
    m_failures << message;
    emit expectationFailed(m_step, message);
}

void ScenarioRunner::timedOut()
{
    if (!m_waiting) return;
    m_lab->probe()->pollNow();
    const ScenarioStep &s = m_scenario.steps[size_t(m_step)];
    scan();
    QStringList missing;
    for (size_t k = 0; k < s.until.size(); ++k) {
        if (!holds(k)) missing << describe(s.until[k]);
    }
    const QString message = tr("%1 (%2) waited %3 s in vain for %4 (%5).")
                                .arg(stepName(), s.caption.left(60), QLocale().toString(s.timeoutMs / 1000.0),
                                     missing.join(tr(" and ")), wireSummary());
    m_failures << message;
    emit expectationFailed(m_step, message);
    finish(false, message);
}

void ScenarioRunner::finish(bool ok, const QString &message)
{
    m_finished = true;
    m_waiting = false;
    m_runAll = false;
    m_poll.stop();
    m_timeout.stop();
    m_chained.clear();
    QString text = message;
    if (text.isEmpty()) {
        text = ok ? tr("Scenario %1 finished: the kernels did what it expects.").arg(m_scenario.id)
                  : tr("Scenario %1 finished, %n expectation(s) not met: %2", nullptr, int(m_failures.size()))
                        .arg(m_scenario.id, m_failures.value(0));
    }
    emit finished(ok, text);
}
