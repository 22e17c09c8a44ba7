// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario/scenario.h"

#include <QObject>
#include <QString>
#include <map>
#include <vector>

class Lab;

// Turns what a user does by hand on the lab into a scenario that replays it: the window tells the
// recorder about each call it made (through BsdHost or QtHost: pass the CallId those return) and
// each wire action (pass the Send event index of the segment it acted on). Every action becomes
// one step. Segments are named by what they are (direction, flags, data or not, retransmission or
// not), descriptors and Qt sockets by the call that made them, so a replay on fresh kernels (new
// ISNs, ports and descriptor numbers) makes the same segments and states. Before each action the
// step in front of it waits for what the action needs: the segment to be on the wire, the call
// that made its descriptor and the side's previous blocking call to have returned, the Qt signal
// that preceded it, and the kernel states the user had seen reached (and that still held).
// Recording never changes what the lab does.
class ScenarioRecorder : public QObject {
    Q_OBJECT
public:
    explicit ScenarioRecorder(Lab *lab, QObject *parent = nullptr);

    // Forgets everything recorded: call it when a fresh lab starts.
    void clear();

    // A call the user made: the CallId BsdHost or QtHost returned (its Call event in the trace).
    // False with *error when it cannot be replayed (a descriptor no recorded call made, a write
    // longer than the 64 bytes a trace keeps).
    bool addCall(qsizetype callEvent, QString *error = nullptr);
    // A deliver, drop or duplicate on the held segment whose Send event is sendIndex (before or
    // after the wire acted: the Send event stays). `newest` for a delivery out of order.
    bool addWireAction(WireAction action, qsizetype sendIndex, bool newest = false, QString *error = nullptr);
    // Mode and latency of one direction, or of both.
    void addWireMode(WireMode mode, int latencyMs, std::optional<Direction> direction = std::nullopt);
    // A host setting changed by hand (the host settings panel), by its HostSettings key: a "set"
    // action, made in the replay where it was made here, between the same calls.
    void addSetting(Side side, const QString &key, const QString &value);
    // The host on `side` restarted by hand (the host settings panel): a "host" action.
    void addRestart(Side side);
    // Replaces a step's caption (each step starts with a description of its action).
    void setCaption(int step, const QString &caption);

    int stepCount() const { return int(m_steps.size()); }
    // The recording as a scenario; ScenarioFile::saveTo() writes it.
    Scenario scenario(const QString &id, const QString &title, const QString &description = {}) const;

private:
    struct Handle {
        Side side;
        Flavour flavour;
        qsizetype call; // the call that made it
        QString name;
        int qtSocket; // a Qt socket its call records (SocketCall::Makes::RecordedSocket); else -1: the call's result
    };

    // Adds the step; the previous one waits for `preconditions` and for the states the kernels
    // reached before the action (trace events before actionAt; -1: all so far).
    void push(ScenarioStep step, std::vector<ScenarioCondition> preconditions, qsizetype actionAt);
    QString handleName(Side side, Flavour flavour, qint64 number) const;
    bool signalSinceLastAction(Side side, const QString &name) const;

    Lab *m_lab;
    std::vector<ScenarioStep> m_steps;
    std::vector<Handle> m_handles;
    std::map<qsizetype, QString> m_callNames; // Call event -> its "as"
    qsizetype m_lastBsdCall[2] = {-1, -1};
    qsizetype m_lastActionAt = 0; // trace size at the last recorded action
    int m_counter = 0;
};
