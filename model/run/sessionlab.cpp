// SPDX-License-Identifier: GPL-3.0-or-later
// Session's lab parts, where the lab is built (SYNSCOPE_LAB): the kernels, the scenario runner and the
// by-hand recorder. sessionnolab.cpp is what a build without the lab has instead.
#include "session.h"

#include "lab/lab.h"
#include "scenariorecorder.h"
#include "scenariorunner.h"
#include "trace/hostsettings.h"
#include "trace/segmentlabels.h"
#include "trace/trace.h"
#include "trace/tracestory.h"

Session::Session(QObject *parent)
    : QObject(parent)
    , m_trace(std::make_unique<Trace>())
    , m_labels(std::make_unique<SegmentLabeler>(*m_trace))
    , m_lab(std::make_unique<Lab>(m_trace.get()))
    , m_recorder(std::make_unique<ScenarioRecorder>(m_lab.get()))
{
    connect(m_trace.get(), &Trace::cleared, this, [this] { m_labels->reset(); });
    connect(m_lab.get(), &Lab::failed, this, &Session::labFailed);
}

Session::~Session()
{
    // Its finished() must not reach a session half torn down; the members go in reverse order of
    // declaration: runner and recorder (they act on the lab), lab (it appends to the trace), trace.
    stopRunner();
}

Lab *Session::lab() const
{
    return m_lab.get();
}

ScenarioRecorder *Session::recorder() const
{
    return m_recorder.get();
}

ScenarioRunner *Session::runner() const
{
    return m_runner.get();
}

bool Session::isLabReady() const
{
    return m_lab->isReady();
}

QString Session::labProblem() const
{
    return m_lab->error().isError() ? m_lab->error().message() : QString();
}

void Session::closeLab()
{
    m_lab->close();
    m_recorder->clear();
}

int Session::byHandStepCount() const
{
    return m_recorder->stepCount();
}

Scenario Session::byHandScenario(const QString &id, const QString &title, const QString &description) const
{
    return m_recorder->scenario(id, title, description);
}

void Session::setByHandCaption(int step, const QString &caption)
{
    m_recorder->setCaption(step, caption);
}

bool Session::isScenarioRunning() const
{
    return m_runner && !m_runner->isFinished();
}

void Session::stepScenario()
{
    if (isScenarioRunning() && !m_runner->isWaiting()) m_runner->step();
}

void Session::runScenarioToEnd()
{
    if (m_runner) m_runner->runAll();
}

bool Session::addCall(qsizetype callEvent, QString *error)
{
    // The user's call ends the scenario's caption: the step it described is no longer what happens.
    setLiveCaption({});
    setUnsaved(true);
    return m_recorder->addCall(callEvent, error);
}

bool Session::addWireAction(WireAction action, qsizetype sendIndex, bool newest, QString *error)
{
    setLiveCaption({});
    setUnsaved(true);
    return m_recorder->addWireAction(action, sendIndex, newest, error);
}

void Session::addWireMode(WireMode mode, int latencyMs, Direction direction)
{
    m_recorder->addWireMode(mode, latencyMs, direction);
}

bool Session::setHostSetting(Side side, const QString &key, const QString &value, QString *error)
{
    if (m_mode != Mode::Live || !m_lab->isReady()) {
        *error = tr("Host settings change only on a live lab (Lab → Work by Hand).");
        return false;
    }
    LabError labError;
    if (!m_lab->setHostSetting(side, key, value, &labError)) {
        *error = labError.message();
        return false;
    }
    m_recorder->addSetting(side, key, value);
    setUnsaved(true);
    return true;
}

bool Session::restartHost(Side side, QString *error)
{
    if (m_mode != Mode::Live || !m_lab->isReady()) {
        *error = tr("A host restarts only on a live lab (Lab → Work by Hand).");
        return false;
    }
    // The lab records which settings the new kernel's defaults changed back.
    LabError labError;
    if (!m_lab->restartHost(side, &labError)) {
        *error = labError.message();
        return false;
    }
    m_recorder->addRestart(side);
    setUnsaved(true);
    return true;
}

void Session::stopRunner()
{
    if (!m_runner) return;
    // Its finished() must not be taken for the end of a recording or a replay.
    disconnect(m_runner.get(), nullptr, this, nullptr);
    m_runner->stop();
    m_runner.reset();
}

bool Session::startLab()
{
    resetRun();
    m_recording.reset();
    m_scenario.reset();
    m_lab->setIpVersion(m_ipVersion);
    const bool ok = m_lab->start();
    m_recorder->clear();
    setMode(Mode::Live);
    return ok;
}

bool Session::record(const Scenario &scenario, QString *error)
{
    resetRun();
    m_recording.reset();
    m_scenario = scenario;
    m_lab->setIpVersion(scenario.ipVersionOr(m_ipVersion));
    if (!m_lab->start()) {
        *error = m_lab->error().message();
        m_scenario.reset();
        setMode(Mode::Live);
        return false;
    }
    m_recorder->clear();
    m_recordingClock.start();
    setMode(Mode::Recording);
    m_runner = std::make_unique<ScenarioRunner>(m_lab.get(), scenario);
    connect(m_runner.get(), &ScenarioRunner::expectationFailed, this, &Session::expectationFailed);
    connect(m_runner.get(), &ScenarioRunner::finished, this, &Session::recordingEnded);
    m_runner->runAll();
    return true;
}

void Session::recordingEnded(bool ok, const QString &message)
{
    // The recording is closed after its last step: the kernels' later timers are not part of it.
    m_lab->close();
    m_recording = std::make_unique<Trace>();
    m_recording->copyFrom(*m_trace);
    m_step = 0;
    // Labelled afresh from the whole recording, as a saved copy of it would be.
    m_labels->reset();
    m_labels->update();
    setMode(Mode::Playback);
    emit recordingFinished(ok, message);
    emit playbackStepChanged(m_step, stepCount());
}

bool Session::takeOver(QString *error)
{
    if (!canTakeOver(error)) return false;
    stopRunner();
    const int at = m_step;
    m_asking = false;
    setLiveCaption({});
    // Over the recording's IP version: the figure goes on from its steps, with its addresses.
    const bool recordedOverIpv6 = m_recording && m_recording->info().serverAddress.contains(u':');
    m_lab->setIpVersion(m_scenario->ipVersionOr(recordedOverIpv6 ? 6 : 4));
    if (!m_lab->start()) {
        *error = m_lab->error().message();
        // The recording stays on screen.
        m_trace->copyFrom(*m_recording);
        return false;
    }
    m_recorder->clear();
    m_takenOverAt = at;
    m_differences.clear();
    m_runner = std::make_unique<ScenarioRunner>(m_lab.get(), *m_scenario);
    // The replay waits for what the recording saw rather than for whole quiet periods: taking over
    // feels instant unless a step waits on a kernel timer.
    // Not where a kernel timer resent or probed in the recording: how long the kernels waited
    // then is part of what they did next.
    bool timed = false;
    std::vector<int> sent(m_recording->steps().size(), 0);
    for (int k = 0; k < int(sent.size()); ++k) {
        for (qsizetype i = m_recording->stepBegin(k); i < m_recording->stepEnd(k); ++i) {
            const Event &e = m_recording->at(i);
            sent[size_t(k)] += e.kind == EventKind::Send ? 1 : 0;
            timed = timed || (e.kind == EventKind::Send && (e.marks & EventMark::Retransmission))
                || (e.kind == EventKind::Timer
                    && (e.timer() == TimerKind::ZeroWindowProbe || e.timer() == TimerKind::Keepalive));
        }
    }
    if (!timed) m_runner->setRecordedSends(std::move(sent));
    connect(m_runner.get(), &ScenarioRunner::expectationFailed, this, &Session::expectationFailed);
    connect(m_runner.get(), &ScenarioRunner::ranThrough, this, [this] {
        // What the kernels answer to the last replayed step is part of it, as in the recording
        // (whose next step started on the next pass of the event loop): compare after that pass.
        QMetaObject::invokeMethod(this, &Session::replayReached, Qt::QueuedConnection);
    });
    connect(m_runner.get(), &ScenarioRunner::stepStarted, this, [this](int index, const QString &caption) {
        if (m_mode != Mode::Live) return;
        setLiveCaption(tr("%1/%2  %3").arg(index + 1).arg(m_scenario->steps.size()).arg(caption));
        emit liveStepStarted(index, caption);
    });
    connect(m_runner.get(), &ScenarioRunner::captionFilled, this, [this](int index, const QString &caption) {
        if (m_mode != Mode::Live) return;
        setLiveCaption(tr("%1/%2  %3").arg(index + 1).arg(m_scenario->steps.size()).arg(caption));
    });
    connect(m_runner.get(), &ScenarioRunner::finished, this, [this](bool ok, const QString &message) {
        if (m_mode == Mode::Replaying) {
            // An expectation the kernels did not meet is reported, not a reason to stop the replay.
            if (m_runner->lastCompletedStep() >= m_takenOverAt - 1) {
                // The replay ran through the scenario's last step: that is where it was taken over,
                // compared at once, as the recording was closed at once when its last step ended.
                replayReached();
                return;
            }
            setMode(Mode::Live);
            emit takeOverFinished(
                false, tr("The replay on a fresh lab stopped before step %1: %2").arg(m_takenOverAt).arg(message));
            return;
        }
        if (!ok) setLiveCaption(tr("The scenario stopped: %1").arg(message));
        emit liveFinished(ok, message);
    });
    if (at == 0) {
        setMode(Mode::Live);
        emit takeOverFinished(true, {});
        return true;
    }
    setMode(Mode::Replaying);
    m_runner->runThrough(at - 1);
    return true;
}

void Session::replayReached()
{
    if (m_mode != Mode::Replaying) return;
    m_differences = TraceStory::differences(*m_recording, *m_trace, m_takenOverAt);
    setMode(Mode::Live);
    emit takeOverFinished(true, m_differences.join(QStringLiteral("; ")));
}
