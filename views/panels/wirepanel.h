// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/wire.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeView;
class Trace;
class WireModel;

// The wire between the two hosts: the segments held in each direction, each with deliver / drop /
// duplicate, "deliver next", and step or auto mode with a latency per direction. Every action
// names its segment by identity, never by its place in the list. While a recording plays back,
// showAsOf() lists what was in flight at the viewed step, read-only.
class WirePanel : public QWidget {
    Q_OBJECT
public:
    WirePanel(const Trace *trace, QWidget *parent = nullptr);

    void setWire(Wire *wire); // nullptr: no lab; ends showAsOf()
    Wire *wire() const { return m_wire; }
    // Read-only, without a wire: the segments in flight just before event `endEvent` of the trace
    // (a step of a recording played back: its stepEnd(); 0 before the first). `step` is the step
    // the line above the lists names (1-based; -1: the one the last event shown belongs to).
    // Rows can be selected (SendIndexRole); every action and the mode controls are off.
    void showAsOf(qsizetype endEvent, int step = -1);
    bool isAsOf() const;
    QString asOfText() const; // the line that says so; empty when live
    WireModel *model(Direction direction) const { return m_side[int(direction)].model; }
    QTreeView *view(Direction direction) const { return m_side[int(direction)].view; }
    // A direction's Deliver: the selected segment, or with none selected the oldest held that way.
    QPushButton *deliverButton(Direction direction) const { return m_side[int(direction)].deliver; }
    // Acts on the held segment with this id; false (and nothing done) if the wire no longer holds it.
    bool act(Wire::Action action, quint64 id);
    // Sets a direction's mode as its controls do.
    void setMode(Direction direction, Wire::Mode mode, int latencyMs);
    // Delivers the oldest held segment of either direction; false if the wire is empty.
    bool deliverNext();
    // The Send of the row delivered next (highlighted, WireModel::WaitingRole); -1 when none is held.
    qsizetype waitingSend() const { return m_waitingSend; }

    static constexpr int kMinRows = 6; // rows each list shows without scrolling

signals:
    // After an action the wire accepted: what was done to which segment (its Send event), and
    // whether it was the oldest held in its direction (false: delivered out of order).
    void acted(Wire::Action action, Direction direction, qsizetype sendIndex, bool oldest);
    void modeChanged(Direction direction, Wire::Mode mode, qint64 latencyNs);
    // The segment that waits to be delivered next changed: its Send event, -1 when none is held.
    void waitingChanged(qsizetype sendIndex);

private:
    struct SideWidgets {
        WireModel *model = nullptr;
        QTreeView *view = nullptr;
        QComboBox *mode = nullptr;
        QSpinBox *latency = nullptr;
        QPushButton *deliver = nullptr;
        QPushButton *drop = nullptr;
        QPushButton *duplicate = nullptr;
    };
    QWidget *makeSide(Direction direction, const QString &title);
    void actOnSelection(Direction direction, Wire::Action action);
    void applyMode(Direction direction);
    void updateButtons();
    void updateWaiting();
    void fitRows();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showMode(); // live or as of a recording: the line, the tooltips, what is enabled

    const Trace *m_trace;
    Wire *m_wire = nullptr;
    SideWidgets m_side[2];
    QPushButton *m_deliverNext = nullptr;
    QLabel *m_asOf = nullptr;
    qsizetype m_waitingSend = -1;
};
