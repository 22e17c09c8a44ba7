// SPDX-License-Identifier: GPL-3.0-or-later
// Session's lab-free part, the same in every build: playback, files, captions and what the window
// says. Its lab parts are sessionlab.cpp (or sessionnolab.cpp in a build without the lab).
#include "session.h"

#include "io/tracefile.h"
#include "scenario/builtinscenarios.h"
#include "trace/segmentlabels.h"
#include "trace/socketcalls.h"
#include "trace/trace.h"

#include <QFileInfo>
#include <QLocale>
#include <QSysInfo>

QString Session::noLabReason()
{
    return tr("this build has no live lab");
}

const SegmentLabeler &Session::labels()
{
    // The trace tells of new events once per pass of the event loop: whoever asks between two
    // passes gets labels for every event there is.
    m_labels->update();
    return *m_labels;
}

void Session::resetRun()
{
    stopRunner();
    m_takenOverAt = -1;
    m_differences.clear();
    m_step = 0;
    m_asking = false;
    m_path.clear();
    setLiveCaption({});
    setUnsaved(false);
    m_bundled = false;
}

void Session::setUnsaved(bool unsaved)
{
    if (unsaved == m_unsaved) return;
    m_unsaved = unsaved;
    emit unsavedWorkChanged(unsaved);
}

void Session::setLiveCaption(const QString &caption)
{
    if (caption == m_liveCaption) return;
    m_liveCaption = caption;
    emit liveCaptionChanged();
}

void Session::setSaved(const QString &path)
{
    m_path = path;
    setUnsaved(false);
}

bool Session::showsCapture() const
{
    return (m_mode == Mode::Playback || m_mode == Mode::Still) && m_trace->info().fromCapture();
}

void Session::setMode(Mode mode)
{
    if (mode == m_mode) return;
    m_mode = mode;
    emit modeChanged(mode);
}

void Session::showTrace(const QString &path)
{
    resetRun();
    m_path = path;
    closeLab();
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
    if (info.scenarioId.isEmpty()) return;
    // The recording keeps the files' English, whatever the language shown.
    std::optional<Scenario> builtin = BuiltinScenarios::find(info.scenarioId, BuiltinScenarios::Texts::English);
    if (!builtin || builtin->steps.size() != m_trace->steps().size()) return;
    for (size_t k = 0; k < builtin->steps.size(); ++k) {
        if (builtin->steps[k].caption != m_trace->steps()[k].caption) return;
    }
    m_scenario = BuiltinScenarios::find(info.scenarioId);
}

bool Session::playBundledRecording(const QString &id, QString *error)
{
    const QString path = BuiltinScenarios::recordingPath(id);
    if (path.isEmpty()) {
        *error = tr("no recording of \"%1\" comes with SynScope").arg(id);
        return false;
    }
    const QString why = labProblem();
    TraceFile file;
    const bool loaded = file.read(path, *m_trace, {}, error);
    if (file.replacedTrace()) showTrace(QString());
    m_bundled = loaded;
    m_labUnavailable = why;
    return loaded;
}

qint64 Session::recordingElapsedMs() const
{
    return m_mode == Mode::Recording && m_recordingClock.isValid() ? m_recordingClock.elapsed() : 0;
}

int Session::stepCount() const
{
    return m_recording ? int(m_recording->steps().size()) : 0;
}

void Session::setPlaybackStep(int step, bool ask)
{
    if (m_mode != Mode::Playback) return;
    step = std::clamp(step, 0, stepCount());
    if (step == m_step) return;
    m_step = step;
    m_asking = ask && stepSendsSegments(step);
    emit playbackStepChanged(m_step, stepCount());
}

void Session::answer()
{
    if (!m_asking) return;
    m_asking = false;
    emit playbackStepChanged(m_step, stepCount());
}

bool Session::stepSendsSegments(int step) const
{
    const Trace *t = m_trace.get();
    if (step <= 0 || step > int(t->steps().size())) return false;
    for (qsizetype i = t->stepBegin(step - 1); i < t->stepEnd(step - 1); ++i) {
        if (t->at(i).kind == EventKind::Send) return true;
    }
    return false;
}

bool Session::canTakeOver(QString *why) const
{
    QString reason;
    if (!hasLiveLab())
        reason = noLabReason();
    else if (m_mode != Mode::Playback || !m_recording)
        reason = tr("there is no recording to take over");
    else if (!m_scenario)
        reason = tr("this recording's scenario is not built in; open its scenario file to take over");
    else if (m_step > int(m_scenario->steps.size()))
        reason = tr("the recording has more steps than its scenario");
    if (why) *why = reason;
    return reason.isEmpty();
}

void Session::backToRecording()
{
    if (!m_recording) return;
    stopRunner();
    closeLab();
    m_trace->copyFrom(*m_recording);
    m_step = std::clamp(m_takenOverAt >= 0 ? m_takenOverAt : m_step, 0, stepCount());
    m_takenOverAt = -1;
    m_differences.clear();
    m_asking = false;
    setLiveCaption({});
    // What was done by hand on the live kernels is gone with them.
    setUnsaved(false);
    setMode(Mode::Playback);
    emit playbackStepChanged(m_step, stepCount());
}

QString Session::stepCaption(int step) const
{
    const std::vector<TraceStep> &steps = m_trace->steps();
    if (step <= 0 || step > int(steps.size())) return {};
    // A recording of a built-in scenario (a bundled one, or saved) speaks the current language.
    m_labels->update();
    const QString caption = BuiltinScenarios::translatedCaption(m_trace->info().scenarioId, step - 1,
                                                                steps[size_t(step - 1)].caption, *m_trace, *m_labels);
    return tr("%1/%2  %3").arg(step).arg(steps.size()).arg(caption);
}

QString Session::caption(bool viewAtLiveEnd) const
{
    const TraceInfo &info = m_trace->info();
    const QString title =
        m_scenario ? m_scenario->title : BuiltinScenarios::translated(info.scenarioId, "title", info.scenarioTitle);
    switch (m_mode) {
    case Mode::Recording:
        return tr("Recording “%1” on real kernels… %2 s")
            .arg(title)
            .arg(QString::number(recordingElapsedMs() / 1000.0, 'f', 1));
    case Mode::Replaying:
        return tr("Taking over at step %1: replaying steps 1–%1 on a fresh lab…").arg(m_takenOverAt);
    case Mode::Playback: {
        const int count = stepCount();
        if (m_asking) return tr("%1/%2  What does the kernel send now?").arg(m_step).arg(count);
        if (m_step <= 0) {
            const QString description = m_scenario
                ? m_scenario->description
                : BuiltinScenarios::translated(info.scenarioId, "description", info.scenarioDescription);
            return tr("%1 — %2 Press Space for the first step.").arg(title, description);
        }
        return stepCaption(m_step);
    }
    case Mode::Live:
        if (isTakenOver() && m_liveCaption.isEmpty() && viewAtLiveEnd) {
            return m_differences.isEmpty()
                ? tr("Live from step %1: fresh kernels replayed the recording up to here and are now yours — "
                     "deliver, drop or delay what is on the wire, or make a call. Space goes on with the "
                     "scenario; T returns to the recording.")
                      .arg(m_takenOverAt)
                : tr("Live from step %1 — the kernels answered differently from the recording: %2")
                      .arg(m_takenOverAt)
                      .arg(m_differences.join(QStringLiteral("; ")));
        }
        break;
    case Mode::Still:
        break;
    }
    // A running scenario's caption is the lecturer's text: it wins while its step is current.
    if (!m_liveCaption.isEmpty() && viewAtLiveEnd) return m_liveCaption;
    return {};
}

QString Session::stateText() const
{
    const TraceInfo &info = m_trace->info();
    if (m_mode == Mode::Recording) return tr("Recording on real kernels (Linux %1)…").arg(QSysInfo::kernelVersion());
    if (m_mode == Mode::Playback) {
        // What is shown, said once and quietly: a recording, which kernel made it, and when.
        const QString when = info.wallClockOrigin.isValid()
            ? QLocale().toString(info.wallClockOrigin.toLocalTime(), QLocale::ShortFormat)
            : tr("an unknown time");
        const QString kernel = info.kernel.isEmpty() ? tr("(kernel unknown)") : info.kernel;
        if (info.fromLab() && m_bundled && !m_labUnavailable.isEmpty())
            return tr("Recorded on Linux %1 — live lab unavailable here: %2").arg(kernel, m_labUnavailable);
        if (info.fromLab() && !hasLiveLab())
            return tr("Recorded on Linux %1 at %2 — real kernels; this build has no live lab to take over on.")
                .arg(kernel, when);
        if (info.fromLab())
            return tr("Recorded on Linux %1 at %2 — real kernels. T takes over live at the step shown.")
                .arg(kernel, when);
        return tr("A %1 trace, not recorded on kernels.").arg(info.source);
    }
    if (isLabReady())
        // Plain words for the status bar; how the lab runs (helper, namespaces) is for Help → About.
        return tr("Lab ready: the client (%1) and the server (%2) each run on a Linux kernel of their own")
            .arg(m_trace->info().clientAddress, m_trace->info().serverAddress);
    if (const QString problem = labProblem(); !problem.isEmpty()) return tr("Lab unavailable: %1").arg(problem);
    return tr("Lab stopped: showing %1. Ctrl+R starts a fresh lab.")
        .arg(m_path.isEmpty() ? tr("a trace") : QFileInfo(m_path).fileName());
}

std::optional<Flavour> Session::flavour() const
{
    if (m_mode == Mode::Recording && m_scenario) {
        for (const ScenarioStep &step : m_scenario->steps) {
            for (const ScenarioAction &a : step.actions) {
                if (a.kind == ScenarioAction::Kind::Call) return a.flavour;
            }
        }
    }
    if (m_mode == Mode::Playback) {
        for (qsizetype i = 0; i < m_trace->size(); ++i) {
            if (m_trace->at(i).kind == EventKind::Call)
                return SocketCall::flavourOf(m_trace->callRecord(m_trace->at(i)).fn);
        }
    }
    return std::nullopt;
}
