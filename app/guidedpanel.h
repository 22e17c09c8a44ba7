// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "run/guidedgoal.h"

#include <QPointer>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

class ControlStrip;
class LabPanels;
class QFrame;
class QLabel;
class QPushButton;
class Trace;

// Guided by-hand mode's checklist (Lab → Guided…): the goal, its steps with the next one in bold
// and, under it, what the kernel will do; the button that makes the next step framed in the call or
// wire panel (and in lecture mode's strip). The goal logic is GuidedGoal's, fed from the trace as it
// grows; when it reports that the student did something else, a box says what happened and offers
// the way on: continue, or start the goal again on a fresh lab (the window asks before by-hand
// work is lost).
class GuidedPanel : public QWidget {
    Q_OBJECT
public:
    GuidedPanel(const Trace *trace, LabPanels *panels, QWidget *parent = nullptr);
    ~GuidedPanel() override;

    // The goals with their descriptions, to pick one; nullopt when cancelled.
    static std::optional<GuidedGoal::Kind> chooseGoal(QWidget *parent);

    void start(GuidedGoal::Kind kind); // on a fresh lab: the trace is read from its start
    void stop();
    bool isOn() const { return m_goal != nullptr; }
    const GuidedGoal *goal() const { return m_goal.get(); }

    // The button the next step is made with, framed; null when there is none (complete, stopped, a
    // deviation that ends the goal).
    QWidget *highlighted() const { return m_target; }
    QWidget *highlightFrame() const; // the frame drawn on it
    QWidget *stripHighlightFrame() const { return m_stripFrame; } // on the lecture strip's button (H)
    QString checklistText() const; // as shown (rich text)
    QString deviationText() const; // empty when none is shown
    QPushButton *continueButton() const { return m_continue; }
    QPushButton *startAgainButton() const { return m_again; } // in the box, after a deviation
    QPushButton *startOverButton() const { return m_startOver; } // below the checklist, always

signals:
    void startAgainRequested(GuidedGoal::Kind kind);
    void anotherGoalRequested();
    void stopped();

public slots:
    // Reads what the trace appended and shows it: the checklist, the box, the frame.
    void refresh();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The panels are going, or this panel is: undo the strip's filter, the connections to the
    // panels and the frames in them.
    void detach();
    void showChecklist();
    void showHighlight();
    QWidget *stripTarget(const GuidedGoal::Target &target) const;
    void selectSegment(Direction direction);

    const Trace *m_trace;
    LabPanels *m_panels; // null once detach() undid what ties this panel to them
    ControlStrip *m_strip = nullptr; // lecture mode's strip, watched for Show and Hide
    std::vector<QMetaObject::Connection> m_panelConnections;
    std::unique_ptr<GuidedGoal> m_goal;
    QLabel *m_title = nullptr;
    QLabel *m_checklist = nullptr;
    QFrame *m_box = nullptr;
    QLabel *m_boxText = nullptr;
    QPushButton *m_continue = nullptr;
    QPushButton *m_again = nullptr;
    QPushButton *m_another = nullptr;
    QPushButton *m_startOver = nullptr;
    QPushButton *m_stop = nullptr;
    qsizetype m_shownDeviation = -1; // the event of the deviation last scrolled into view
    QPointer<QWidget> m_target;
    QWidget *m_frame = nullptr; // follows m_target
    QWidget *m_stripFrame = nullptr; // follows the lecture strip's button for the same step
};
