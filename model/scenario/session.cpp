// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include "../lab/lab.h"
#include "../trace/trace.h"
#include "../trace/tracestory.h"
#include "builtinscenarios.h"
#include "scenariorecorder.h"
#include "scenariorunner.h"

Session::Session(QObject *parent)
    : QObject(parent)
    , m_trace(std::make_unique<Trace>())
    , m_lab(std::make_unique<Lab>(m_trace.get()))
    , m_recorder(std::make_unique<ScenarioRecorder>(m_lab.get()))
{
}

Session::~Session()
{
    // The runner and the recorder act on the lab, the lab appends to the trace: in that order.
    stopRunner();
    m_recorder.reset();
    m_lab.reset();
}

void Session::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    emit modeChanged(mode);
}

void Session::stopRunner()
{
    if (!m_runner)
        return;
    // Its finished() must not be taken for the end of a recording or a replay.
    disconnect(m_runner.get(), nullptr, this, nullptr);
    m_runner->stop();
    m_runner.reset();
}

bool Session::startLab()
{
    stopRunner();
    m_recording.reset();
    m_scenario.reset();
    m_takenOverAt = -1;
    m_differences.clear();
    m_step = 0;
    const bool ok = m_lab->start();
    m_recorder->clear();
    setMode(Mode::Live);
    return ok;
}

void Session::showTrace()
{
    stopRunner();
    m_lab->close();
    m_recorder->clear();
    m_takenOverAt = -1;
    m_differences.clear();
    m_step = 0;
    m_scenario.reset();
    m_recording.reset();
    if (m_trace->steps().empty()) {
        setMode(Mode::Still);
        return;
    }
    m_recording = std::make_unique<Trace>();
    m_recording->copyFrom(*m_trace);
    adoptScenarioOfTrace();
    setMode(Mode::Playback);
    emit playbackStepChanged(m_step, stepCount());
}

void Session::adoptScenarioOfTrace()
{
    // A saved recording names its scenario; a built-in one with the same steps can be replayed to
    // take over. A scenario file of one's own is not kept in the trace: open the file to take over.
    const TraceInfo &info = m_trace->info();
    if (info.scenarioId.isEmpty())
        return;
    std::optional<Scenario> builtin = BuiltinScenarios::find(info.scenarioId);
    if (!builtin || builtin->steps.size() != m_trace->steps().size())
        return;
    for (size_t k = 0; k < builtin->steps.size(); ++k) {
        if (builtin->steps[k].caption != m_trace->steps()[k].caption)
            return;
    }
    m_scenario = std::move(builtin);
}

bool Session::record(const Scenario &scenario, QString *error)
{
    stopRunner();
    m_recording.reset();
    m_takenOverAt = -1;
    m_differences.clear();
    m_step = 0;
    m_scenario = scenario;
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

qint64 Session::recordingElapsedMs() const
{
    return m_mode == Mode::Recording && m_recordingClock.isValid() ? m_recordingClock.elapsed() : 0;
}

void Session::recordingEnded(bool ok, const QString &message)
{
    // The recording is closed after its last step: the kernels' later timers are not part of it.
    m_lab->close();
    m_recording = std::make_unique<Trace>();
    m_recording->copyFrom(*m_trace);
    m_step = 0;
    setMode(Mode::Playback);
    emit recordingFinished(ok, message);
    emit playbackStepChanged(m_step, stepCount());
}

int Session::stepCount() const { return m_recording ? int(m_recording->steps().size()) : 0; }

void Session::setPlaybackStep(int step)
{
    if (m_mode != Mode::Playback)
        return;
    step = std::clamp(step, 0, stepCount());
    if (step == m_step)
        return;
    m_step = step;
    emit playbackStepChanged(m_step, stepCount());
}

bool Session::canTakeOver(QString *why) const
{
    QString reason;
    if (m_mode != Mode::Playback || !m_recording)
        reason = tr("there is no recording to take over");
    else if (!m_scenario)
        reason = tr("this recording's scenario is not built in; open its scenario file to take over");
    else if (m_step > int(m_scenario->steps.size()))
        reason = tr("the recording has more steps than its scenario");
    if (why)
        *why = reason;
    return reason.isEmpty();
}

bool Session::takeOver(QString *error)
{
    if (!canTakeOver(error))
        return false;
    stopRunner();
    const int at = m_step;
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
    if (!timed)
        m_runner->setRecordedSends(std::move(sent));
    connect(m_runner.get(), &ScenarioRunner::expectationFailed, this, &Session::expectationFailed);
    connect(m_runner.get(), &ScenarioRunner::ranThrough, this, [this] {
        // What the kernels answer to the last replayed step is part of it, as in the recording
        // (whose next step started on the next pass of the event loop): compare after that pass.
        QMetaObject::invokeMethod(this, &Session::replayReached, Qt::QueuedConnection);
    });
    connect(m_runner.get(), &ScenarioRunner::stepStarted, this, [this](int index, const QString &caption) {
        if (m_mode == Mode::Live)
            emit liveStepStarted(index, caption);
    });
    connect(m_runner.get(), &ScenarioRunner::captionFilled, this, [this](int index, const QString &caption) {
        if (m_mode == Mode::Live)
            emit liveCaptionFilled(index, caption);
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
    if (m_mode != Mode::Replaying)
        return;
    m_differences = TraceStory::differences(*m_recording, *m_trace, m_takenOverAt);
    setMode(Mode::Live);
    emit takeOverFinished(true, m_differences.join(QStringLiteral("; ")));
}

void Session::backToRecording()
{
    if (!m_recording)
        return;
    stopRunner();
    m_lab->close();
    m_recorder->clear();
    m_trace->copyFrom(*m_recording);
    m_step = std::clamp(m_takenOverAt >= 0 ? m_takenOverAt : m_step, 0, stepCount());
    m_takenOverAt = -1;
    m_differences.clear();
    setMode(Mode::Playback);
    emit playbackStepChanged(m_step, stepCount());
}
