// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario/scenario.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <vector>

class Lab;
class SegmentLabeler;

// Plays a scenario on a running lab, one step at a time: a step makes its calls and wire actions,
// then waits (re-checked whenever the trace grows and every 10 ms) until all of its conditions
// hold, and then checks its expectations against what the kernels did. An expectation that is not
// met is reported (expectationFailed) and the scenario goes on; a wait that times out or an
// action that cannot be made (the lecturer dropped the segment it needs, a call is refused) ends
// the run with finished(false, what differs). Nothing is ever waited for forever.
//
// Lecture use: step() on each key press; between steps the lecturer may act on the lab by hand,
// and the next step reports what then differs. CLI and tests: runAll().
// The lab must be started before the first step; the runner sets the scenario's sysctls then.
class ScenarioRunner : public QObject {
    Q_OBJECT
public:
    ScenarioRunner(Lab *lab, Scenario scenario, QObject *parent = nullptr);
    ~ScenarioRunner() override;

    const Scenario &scenario() const { return m_scenario; }
    int stepCount() const { return int(m_scenario.steps.size()); }
    // The step that ran last or is running; -1 before the first.
    int currentStep() const { return m_step; }
    // The last step whose wait ended with its conditions met; -1 before.
    int lastCompletedStep() const { return m_completed; }
    // A step's wait is under way: step() is refused until it ends.
    bool isWaiting() const { return m_waiting; }
    bool isFinished() const { return m_finished; }
    // Expectations not met so far, as reported by expectationFailed.
    const QStringList &failures() const { return m_failures; }

    // Runs the next step. False (and nothing happens) while a step is waiting or after the end.
    bool step();
    // Runs the remaining steps one after the other until the end or the first failed wait.
    void runAll();
    // Runs the steps up to and including lastStep, then stops (ranThrough) with the run still open:
    // step() goes on from there. Taking over a recording replays its first steps this way.
    void runThrough(int lastStep);
    // A replay of a recording: how many segments each step's kernels sent then. A step that waits
    // for the wire to be quiet ends as soon as as many were sent, all delivered and a short quiet
    // passed, instead of waiting out its whole quiet period (that period is there for kernel timers
    // the recording has already shown the outcome of). Fewer than then: the whole period.
    void setRecordedSends(std::vector<int> perStep) { m_recordedSends = std::move(perStep); }
    // Stops waiting and ends the run (finished(false) if it had not finished).
    void stop();

signals:
    void stepStarted(int index, const QString &caption);
    // The step's caption with its fields (CaptionFields) filled in from what the kernels did.
    void captionFilled(int index, const QString &caption);
    void stepFinished(int index);
    void ranThrough(int index); // runThrough() reached its last step (not emitted at the scenario's end)
    void expectationFailed(int index, const QString &message);
    void finished(bool ok, const QString &message);

private:
    struct Named {
        Side side = Side::Client;
        Flavour flavour = Flavour::Bsd;
        qsizetype call = -1;
        int qtSocket = -1; // a call that makes a Qt socket it records (SocketCall::Makes::RecordedSocket)
    };
    struct Chained {
        ScenarioAction action;
        qsizetype trigger = -1; // the Call event whose return makes it
    };

    bool prepare();
    bool act(const ScenarioAction &action);
    // The scenario's sysctls and quick ACKs on one host (before the first step, and after it restarts).
    bool configureHost(Side side);
    bool call(const ScenarioAction &action);
    bool wire(const ScenarioAction &action);
    void callReturned(qsizetype callEvent);
    bool handle(const ScenarioAction &action, QLatin1StringView key, qint64 &out);
    bool returned(const QString &name) const;
    // What the step's new events show for each of its conditions (scan()), then the condition itself.
    void scan();
    // The one predicate over a step's events, for the conditions (scan(), each event read once)
    // and the expectations (expect(), as a condition: conditionOf()): whether `e` is a segment,
    // state or signal `c` looks for; `detail`, if not empty, a signal's detail (Qt's error name).
    bool matches(const ScenarioCondition &c, const Event &e, const QString &detail = {}) const;
    // Whether an event recorded since the step began matches (matches()).
    bool stepShows(const ScenarioCondition &c, const QString &detail = {}) const;
    static ScenarioCondition conditionOf(const ScenarioExpectation &e); // Segment, NoSegment, State, Signal
    // A socket of `side` in `state` (on local port `port`, 0: any) as the probe sees the kernel now.
    bool inStateNow(Side side, TcpState state, quint16 port) const;
    bool holds(size_t index) const;
    QString describe(const ScenarioCondition &c) const;
    QString wireSummary() const;
    QString segmentText(qsizetype sendIndex) const;
    QString labelOf(qsizetype sendIndex) const;
    void check();
    void complete();
    void expect(const ScenarioExpectation &e);
    void timedOut();
    void finish(bool ok, const QString &message);
    QString stepName() const;

    Lab *m_lab;
    Scenario m_scenario;
    std::unique_ptr<SegmentLabeler> m_labels;
    QHash<QString, Named> m_named;
    std::vector<Chained> m_chained;
    QTimer m_poll;
    QTimer m_timeout;
    QStringList m_failures;
    QString m_error; // an action that failed (a chained call made outside a step's own actions)
    qsizetype m_stepStart = 0; // trace size when the step began
    qint64 m_stepStartNs = 0;
    // What the step's events have shown so far, each event read once: the conditions are checked
    // on every batch the wire hands over, and one step of a transfer holds thousands of events.
    struct StepScan {
        qsizetype upTo = 0; // the events before this index are counted below
        int sends = 0;
        qint64 lastSendNs = 0;
        std::vector<char> seen; // per condition of the step's "until": a matching event was recorded
    };
    StepScan m_scan;
    int m_step = -1;
    int m_completed = -1;
    bool m_prepared = false;
    bool m_waiting = false;
    bool m_runAll = false;
    int m_runThrough = -1;
    std::vector<int> m_recordedSends;
    bool m_finished = false;
};
