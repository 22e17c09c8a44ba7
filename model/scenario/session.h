// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <memory>
#include <optional>

class Lab;
class ScenarioRecorder;
class ScenarioRunner;
class Trace;

// One run of the lab as the window shows it, with a clear lifetime: the shown trace, the lab that
// appends to it, the scenario runner and the by-hand recorder, and — for a scenario — its recording
// and the playback position in it.
//
// Kernel timers cannot be paused and a lecturer always pauses, so a scenario is recorded first, at
// machine speed on a fresh lab (real kernels, the run the command line makes), and then revealed
// step by step: the playback position is a step index into the finished recording, and what step
// k shows never depends on how long anyone waited. Taking over at step k replays steps 1…k on a
// fresh lab at machine speed and goes live there; the replay is compared with the recording (never
// patched from it), and going back shows the recording again at the same step.
class Session : public QObject {
    Q_OBJECT
public:
    enum class Mode {
        Live, // the lab's kernels are running and the trace grows (by hand, or after taking over)
        Recording, // a scenario runs to its end at machine speed; nothing is shown yet
        Playback, // a finished recording (or a saved trace with steps) is revealed step by step
        Replaying, // taking over: the first steps replay on a fresh lab
        Still, // a trace without steps from a file, no lab
    };
    Q_ENUM(Mode)

    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    Trace *trace() const { return m_trace.get(); } // what is shown
    Lab *lab() const { return m_lab.get(); }
    ScenarioRecorder *recorder() const { return m_recorder.get(); }
    ScenarioRunner *runner() const { return m_runner.get(); } // the running or live-continued scenario
    Mode mode() const { return m_mode; }

    // A fresh lab to work on by hand; the recording, if any, is let go.
    bool startLab();
    // Ends the lab: what the trace holds now stays as it is (a file was opened into it, say).
    // With steps it plays back (recording() is a copy of it); without, it is still.
    void showTrace();

    // Records a scenario on a fresh lab at machine speed; recordingFinished() tells when and how it
    // ended. False (with *error) when the lab cannot start.
    bool record(const Scenario &scenario, QString *error);
    qint64 recordingElapsedMs() const; // so far, while recording
    const Trace *recording() const { return m_recording.get(); } // null without one
    // The scenario of the recording: recorded in this session, or the built-in one a saved trace names.
    const std::optional<Scenario> &scenario() const { return m_scenario; }

    // Playback: 0 shows nothing yet; k shows steps 1…k of the recording.
    int stepCount() const;
    int playbackStep() const { return m_step; }
    void setPlaybackStep(int step);

    // Taking over at the playback step: false (with *error) without a scenario to replay or a lab.
    bool canTakeOver(QString *why = nullptr) const;
    bool takeOver(QString *error);
    bool isTakenOver() const { return m_takenOverAt >= 0; }
    int takenOverAt() const { return m_takenOverAt; }
    // How the replay differed from the recording (empty: it told the same story).
    const QStringList &replayDifferences() const { return m_differences; }
    // Back to the recording at the step where the take-over began (or a given one).
    void backToRecording();

signals:
    void modeChanged(Session::Mode mode);
    void playbackStepChanged(int step, int count);
    // The recording ended: ok, or the scenario's own message (an expectation the kernels did not meet
    // is reported by expectationFailed and the recording still plays).
    void recordingFinished(bool ok, const QString &message);
    void expectationFailed(int step, const QString &message);
    // The replay of a take-over reached its step (ok), or could not (the message says why).
    void takeOverFinished(bool ok, const QString &message);
    // The live scenario after a take-over started a step or finished.
    void liveStepStarted(int index, const QString &caption);
    void liveCaptionFilled(int index, const QString &caption); // its fields, once the step has ended
    void liveFinished(bool ok, const QString &message);

private:
    void setMode(Mode mode);
    void stopRunner();
    void recordingEnded(bool ok, const QString &message);
    void replayReached();
    void adoptScenarioOfTrace();

    std::unique_ptr<Trace> m_trace;
    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<ScenarioRecorder> m_recorder;
    std::unique_ptr<ScenarioRunner> m_runner;
    std::unique_ptr<Trace> m_recording;
    std::optional<Scenario> m_scenario;
    QElapsedTimer m_recordingClock;
    QStringList m_differences;
    Mode m_mode = Mode::Live;
    int m_step = 0;
    int m_takenOverAt = -1;
};
