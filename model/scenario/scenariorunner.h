// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../lab/wire.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <vector>

class Lab;

// Which held segment a step means: its direction and flags (compared under a mask, SYN/ACK/FIN/RST
// by default), so a step delivers a segment by what it is, never by its position.
struct SegmentPattern {
    Direction direction = Direction::ClientToServer;
    quint8 flags = 0;
    quint8 mask = 0x17; // FIN | SYN | RST | ACK
    bool retransmissionOk = true;
};

class ScenarioContext {
public:
    explicit ScenarioContext(Lab *lab)
        : lab(lab)
    {
    }
    Lab *lab;
    QHash<QString, qint64> values; // fds and call ids the steps share ("listenfd", "connect", ...)
    QString error; // why an action failed

    // The oldest held segment that matches, or nullptr.
    const InFlight *findHeld(const SegmentPattern &pattern) const;
    bool deliver(const SegmentPattern &pattern);
    bool callReturned(const QString &name) const;
    qint64 callValue(const QString &name) const;
};

struct ScenarioStep {
    QString caption;
    std::function<bool(ScenarioContext &)> action; // false: the step failed (ctx.error says why)
    std::function<bool(const ScenarioContext &)> until; // the step is done when this holds
    QString waitingFor; // what "until" waits for, for the timeout message
    int timeoutMs = 10000;
};

struct Scenario {
    QString id;
    QString title;
    QString description;
    std::vector<ScenarioStep> steps;
};

// Runs a scenario's steps on a lab, one after the other: each step's action, then a wait (checked
// whenever the trace grows, and every 10 ms) until its condition holds or its time runs out.
class ScenarioRunner : public QObject {
    Q_OBJECT
public:
    ScenarioRunner(Lab *lab, Scenario scenario, QObject *parent = nullptr);

    const Scenario &scenario() const { return m_scenario; }
    int currentStep() const { return m_step; }
    bool isRunning() const { return m_running; }
    // Runs every step to the end (or the first failure).
    void start();
    ScenarioContext &context() { return m_context; }

signals:
    void stepStarted(int index, const QString &caption);
    void finished(bool ok, const QString &message);

private:
    void runStep();
    void check();
    void fail(const QString &message);

    Scenario m_scenario;
    ScenarioContext m_context;
    QTimer m_poll;
    QTimer m_timeout;
    int m_step = -1;
    bool m_running = false;
    bool m_advancing = false;
};
