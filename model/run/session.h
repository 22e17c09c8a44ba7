// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario/scenario.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <memory>
#include <optional>

// 1 where the live lab is built (SYNSCOPE_LAB, Linux only), 0 where it is not: set by model/CMakeLists.txt
// on synscope_run for everything that links it, so no file reads it undefined.
#ifndef SYNSCOPE_HAVE_LAB
#error "SYNSCOPE_HAVE_LAB is not defined: link synscope_run"
#endif

class Lab;
class ScenarioRecorder;
class ScenarioRunner;
class SegmentLabeler;
class Trace;

// One run of the lab as the window shows it, with a clear lifetime: the shown trace with its segment
// labels, the lab that appends to it, the scenario runner and the by-hand recorder, the file the
// trace came from or went to and whether by-hand work is unsaved, and — for a scenario — its
// recording, the playback position in it and the caption of the step running live. It owns all of
// them, in the order they depend on each other, so whoever owns the session tears a run down by
// deleting it.
//
// Kernel timers cannot be paused and a lecturer always pauses, so a scenario is recorded first, at
// machine speed on a fresh lab (real kernels, the run the command line makes), and then revealed
// step by step: the playback position is a step index into the finished recording, and what step
// k shows never depends on how long anyone waited. Taking over at step k replays steps 1…k on a
// fresh lab at machine speed and goes live there; the replay is compared with the recording (never
// patched from it), and going back shows the recording again at the same step.
//
// A build without the lab (-DSYNSCOPE_LAB=OFF) has the same Session: its lab parts are in
// sessionnolab.cpp instead of sessionlab.cpp, lab(), recorder() and runner() are null, and the lab
// cannot start there, for the reason noLabReason() — so a built-in scenario plays its bundled
// recording, as it does where the lab is refused.
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
    // The textbook labels of the trace's segments (SYN J, ACK J+1), caught up with the trace.
    const SegmentLabeler &labels();
    // Null where no lab is built; the window asks the session (isLabReady(), labProblem(), …) instead.
    Lab *lab() const;
    ScenarioRecorder *recorder() const;
    ScenarioRunner *runner() const; // the running or live-continued scenario
    // Whether this build has the live lab; without it, why not ("this build has no live lab").
    static constexpr bool hasLiveLab() { return SYNSCOPE_HAVE_LAB != 0; }
    static QString noLabReason();
    // The lab's kernels run and take calls.
    bool isLabReady() const;
    // Why the lab cannot run here (its error, or noLabReason()); empty when it runs or was never refused.
    QString labProblem() const;
    Mode mode() const { return m_mode; }
    // A capture opened from a file is shown (laid out by time, where a lab run is laid out by step).
    bool showsCapture() const;

    // A fresh lab to work on by hand; the recording, if any, is let go.
    bool startLab();
    // The IP version (4 or 6) of the labs started from now on: by hand, and for a scenario that does
    // not name its own ("ip"). The running lab keeps its version until the next start.
    void setIpVersion(int version) { m_ipVersion = version == 6 ? 6 : 4; }
    int ipVersion() const { return m_ipVersion; }
    // Ends the lab: what the trace holds now stays as it is (a file was opened into it, say).
    // With steps it plays back (recording() is a copy of it); without, it is still. `path` is the
    // file it was read from (empty: none).
    void showTrace(const QString &path = {});

    // The file the trace was opened from or last saved to; empty for a run not in a file.
    QString path() const { return m_path; }
    // The trace is now in this file: nothing done by hand is unsaved any more.
    void setSaved(const QString &path);

    // Work done by hand on the live lab, recorded so it can be saved as a scenario: a call the user
    // made (its Call event), a deliver, drop or duplicate on a held segment (its Send event). False
    // with *error when it cannot be replayed; it is unsaved work all the same. A wire mode is
    // recorded for the scenario, but changes nothing in the trace to lose.
    bool addCall(qsizetype callEvent, QString *error);
    bool addWireAction(WireAction action, qsizetype sendIndex, bool newest, QString *error);
    void addWireMode(WireMode mode, int latencyMs, Direction direction);
    // A host setting (a HostSettings key) changed on the live lab by hand: set in the host's
    // namespace for the next connection, recorded in the trace and for the scenario. False with
    // *error when the lab refused it or no live lab runs.
    bool setHostSetting(Side side, const QString &key, const QString &value, QString *error);
    // The host on `side` reboots on the live lab (Lab::restartHost): its kernel forgets every
    // connection and starts from the defaults (a setting it had changed is recorded in the trace
    // as changed back); recorded for the scenario. False with *error when the lab refused it or
    // no live lab runs.
    bool restartHost(Side side, QString *error);
    // Calls or wire actions made by hand since the lab started, the trace was opened or last saved:
    // what closing, opening another file or a fresh lab would lose. A recording played back, a file
    // just opened and a replay after taking over are not: they can be made again.
    bool hasUnsavedWork() const { return m_unsaved; }
    // What was done by hand, as the scenario that replays it (Save What I Did as Scenario), and the
    // lecturer's own caption for one of its steps.
    int byHandStepCount() const;
    Scenario byHandScenario(const QString &id, const QString &title, const QString &description = {}) const;
    void setByHandCaption(int step, const QString &caption);

    // Records a scenario on a fresh lab at machine speed; recordingFinished() tells when and how it
    // ended. False (with *error) when the lab cannot start.
    bool record(const Scenario &scenario, QString *error);
    // Where no lab can run: the built-in scenario's bundled recording, made on real kernels,
    // played back as a saved one (false, with *error, for an id that has none).
    bool playBundledRecording(const QString &id, QString *error);
    bool isBundledPlayback() const { return m_bundled; }
    qint64 recordingElapsedMs() const; // so far, while recording
    const Trace *recording() const { return m_recording.get(); } // null without one
    // The scenario of the recording: recorded in this session, or the built-in one a saved trace names.
    const std::optional<Scenario> &scenario() const { return m_scenario; }

    // Playback: 0 shows nothing yet; k shows steps 1…k of the recording. With `ask` (predict
    // mode), a step that sends segments is first a question: shown without their labels until
    // answer(); any other move of the position ends the question.
    int stepCount() const;
    int playbackStep() const { return m_step; }
    void setPlaybackStep(int step, bool ask = false);
    bool isAsking() const { return m_asking; }
    void answer();

    // "k/n  caption": step k (1-based) of the playback, as the caption under the diagram says it.
    QString stepCaption(int step) const;
    // The caption under the diagram when the session has one to say: recording, replaying, a step
    // of the playback, the take-over, the live scenario's current step (only while the view is at
    // the live end). Null when the view's own step is to be described.
    QString caption(bool viewAtLiveEnd) const;
    // What the lab is doing, said once, for the status bar and the start page.
    QString stateText() const;
    // The API the run's program is written in, as far as its calls say: while recording, the
    // scenario's first call; in playback, the trace's first call. None otherwise.
    std::optional<Flavour> flavour() const;

    // A scenario runs on live kernels (recording, or going on after taking over) and has steps left.
    bool isScenarioRunning() const;
    // Its next step, unless one still waits for the kernels (the key press waits with it).
    void stepScenario();
    void runScenarioToEnd(); // its remaining steps without stopping

    // Taking over at the playback step: false (with *error) without a scenario to replay or a lab.
    bool canTakeOver(QString *why = nullptr) const;
    bool takeOver(QString *error);
    bool isTakenOver() const { return m_takenOverAt >= 0; }
    // How the replay differed from the recording (empty: it told the same story).
    const QStringList &replayDifferences() const { return m_differences; }
    // Back to the recording at the step where the take-over began (or a given one).
    void backToRecording();

signals:
    void modeChanged(Session::Mode mode);
    // The running lab stopped for good (its helper died or did not answer): the message says why.
    void labFailed(const QString &message);
    // The playback position moved, or its question was answered.
    void playbackStepChanged(int step, int count);
    void unsavedWorkChanged(bool unsaved);
    // The live scenario's caption changed (a step started or ended, or it stopped); see caption().
    void liveCaptionChanged();
    // The recording ended: ok, or the scenario's own message (an expectation the kernels did not meet
    // is reported by expectationFailed and the recording still plays).
    void recordingFinished(bool ok, const QString &message);
    void expectationFailed(int step, const QString &message);
    // The replay of a take-over reached its step (ok), or could not (the message says why).
    void takeOverFinished(bool ok, const QString &message);
    // The live scenario after a take-over started a step or finished.
    void liveStepStarted(int index, const QString &caption);
    void liveFinished(bool ok, const QString &message);

private:
    void setMode(Mode mode);
    void setUnsaved(bool unsaved);
    void setLiveCaption(const QString &caption);
    void resetRun(); // what every new run starts without
    bool stepSendsSegments(int step) const; // step k (1-based) of the recording sends a segment
    void stopRunner();
    void recordingEnded(bool ok, const QString &message);
    void replayReached();
    void adoptScenarioOfTrace();
    void closeLab(); // the kernels can send nothing more; what was done by hand there is forgotten

    // Declared in the order they depend on each other; ~Session() tears them down in reverse.
    std::unique_ptr<Trace> m_trace;
    std::unique_ptr<SegmentLabeler> m_labels;
#if SYNSCOPE_HAVE_LAB
    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<ScenarioRecorder> m_recorder;
    std::unique_ptr<ScenarioRunner> m_runner;
#endif
    std::unique_ptr<Trace> m_recording;
    std::optional<Scenario> m_scenario;
    QElapsedTimer m_recordingClock;
    QStringList m_differences;
    QString m_path;
    QString m_liveCaption;
    int m_ipVersion = 4;
    Mode m_mode = Mode::Live;
    int m_step = 0;
    bool m_asking = false;
    int m_takenOverAt = -1;
    bool m_unsaved = false;
    bool m_bundled = false; // the playback is a recording that came with SynScope, not a run here
    QString m_labUnavailable; // why the lab could not run, when a bundled recording is shown instead
};
