// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"
#include "trace/segmentlabels.h"
#include "trace/socketcalls.h"

#include <QList>
#include <QObject>

class CallPanel;
class ControlStrip;
class DetailsPanel;
class SocketInspector;
class QAction;
class QDockWidget;
class QMainWindow;
class Session;
class WirePanel;

// The panels docked around the diagram: the client's and the server's calls, the wire with the
// segments in flight, the details of the segment or call picked. Live, they act on the session's
// lab, and what the user does with them is the session's by-hand work; in a playback they show,
// read-only, what the programs held and what was on the wire at the viewed step.
// Without the lab (SYNSCOPE_LAB=OFF) only the details panel and the socket inspector (a recording's
// values) are built (labpanelsnolab.cpp): the call and wire panels, the lecture strip and the call
// keys are not, their accessors give null, and what acts on them does nothing.
class LabPanels : public QObject {
    Q_OBJECT
public:
    LabPanels(Session *session, QMainWindow *window);

    CallPanel *callPanel(Side side) const { return m_calls[int(side)]; }
    WirePanel *wirePanel() const { return m_wire; }
    DetailsPanel *details() const { return m_details; }
    SocketInspector *inspector() const { return m_inspector; }
    const QList<QDockWidget *> &docks() const { return m_docks; }

    // After the lab or the session's mode changed: acting on the live lab, showing the recording as
    // of its step, or (without live kernels) out of the diagram's way. `lecture`: all stay hidden.
    void update(bool lecture);
    void showAsOf(int step); // the recording as of playback step `step`
    void setLectureMode(bool on); // only the diagram: every dock hidden; back, those that are of use
    void setNumberStyle(NumberStyle style); // of the wire lists' labels
    void setFlavour(Flavour flavour); // of the call panels, live
    // Delivers the oldest segment held on the wire (Space at the live end); false if none is held.
    bool deliverNext();
    // Lecture mode's row of by-hand controls (the calls, the wire), shown there while its key (H) is on.
    ControlStrip *controlStrip() const { return m_strip; }
    QAction *controlStripAction() const { return m_stripAction; }

signals:
    void calledByHand(); // a call panel made a call
    void notRecorded(const QString &why); // done by hand, but it cannot be replayed as a scenario
    // The segment delivered next on the wire changed: its Send event, -1 when none is held.
    void waitingChanged(qsizetype sendIndex);

private:
    // A closable, movable, floatable dock of the window around `content`, in `area`, listed in docks().
    QDockWidget *addDock(QMainWindow *window, const QString &title, const QString &name, QWidget *content,
                         Qt::DockWidgetArea area);
    bool areOfUse() const;
    void showStrip();

    Session *m_session;
    CallPanel *m_calls[2] = {nullptr, nullptr};
    WirePanel *m_wire = nullptr;
    DetailsPanel *m_details = nullptr;
    SocketInspector *m_inspector = nullptr;
    QList<QDockWidget *> m_docks;
    ControlStrip *m_strip = nullptr;
    QDockWidget *m_stripDock = nullptr;
    QAction *m_stripAction = nullptr;
    bool m_lecture = false;
};
