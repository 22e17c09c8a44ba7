// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "run/guidedgoal.h"
#include "settings.h"
#include "trace/event.h"

#include <QMainWindow>
#include <QPointer>

class CallPanel;
class DiagramView;
class GuidedPanel;
class HostSettingsDialog;
class LabPanels;
class LectureMode;
class Lab;
class QAction;
class QDockWidget;
class QLabel;
class QScrollArea;
class QStackedWidget;
class QTimer;
class RunPage;
struct Scenario;
class ScenarioRunner;
class Session;
class SessionFiles;
class StartPage;
class Trace;
class WindowActions;
class WirePanel;

// The window a lecturer works in: the sequence diagram in the middle with a caption under it, the
// client's and the server's call panels, the wire with the segments in flight, the details of the
// selected segment or call, and a start page listing the built-in scenarios. Lecture mode shows
// only the diagram and the caption, full screen on the screen the lecturer picks.
//
// The window is wiring. The run it shows — trace, labels, lab, scenario, recording, playback
// position, unsaved work — is its Session's; its pages are StartPage and RunPage (the diagram and
// its caption), the docked panels LabPanels, its commands WindowActions, its files (and the
// question before unsaved work is lost) SessionFiles, its colours Theme, its full screen
// LectureMode.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a saved trace or a capture (pcap, pcapng), told apart by their first bytes; false with
    // the reason shown, or when the user kept unsaved work instead.
    bool openFile(const QString &path);
    bool saveTrace(const QString &path);
    // What was done by hand since the lab started, as a scenario file that replays it.
    bool saveScenario(const QString &path);
    // Records the scenario (a built-in id or a scenario file's path) on a fresh lab at machine speed,
    // then reveals the recording step by step: what a step shows never depends on the pause before it.
    bool runScenario(const QString &idOrPath);
    bool runScenario(const Scenario &scenario); // one already read (the command line's, "-" included)
    // From the recording's viewed step: replay steps 1…k on a fresh lab and go live (or, live after
    // taking over, back to the recording at the same step).
    void toggleTakeOver();
    void setLectureMode(bool on);
    bool isLectureMode() const;

    // The "next" of the transport: one step forward while the view is behind the live end; at the
    // live end the next scenario step, otherwise the oldest segment in flight is delivered.
    void next();
    void back();
    void restartLab(); // a fresh lab to work by hand (asks first when by-hand work is unsaved)
    // The lab's IP version from now on (Lab → IPv4/IPv6, --ip): a live lab starts afresh over it
    // (asking first when by-hand work is unsaved); `remember` keeps it for the next start.
    void chooseIpVersion(int version, bool remember = true);
    // The by-hand lab: the live one when it is that already, else a fresh one (asking first).
    void workByHand();
    // Guided by-hand mode: a fresh lab (asking first when by-hand work is unsaved), the BSD calls,
    // and the goal's checklist beside the diagram. False when the user kept the work or no lab runs.
    bool startGuided(GuidedGoal::Kind kind);
    GuidedPanel *guidedPanel() const { return m_guided; }

    Session *session() const { return m_session; }
    Trace *trace() const;
    Lab *lab() const;
    ScenarioRunner *runner() const;
    DiagramView *diagramView() const;
    CallPanel *callPanel(Side side) const;
    WirePanel *wirePanel() const;
    QString captionText() const;
    QString labStatusText() const;
    QString lastError() const { return m_lastError; }
    bool isStartPageShown() const;
    StartPage *startPage() const { return m_startPage; }
    bool isBlanked() const;
    QAction *action(const QString &name) const; // objectName of a menu action, for tests
    // Lab → Host Settings: shown (made the first time) and raised.
    HostSettingsDialog *showHostSettings();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildStatusBar();
    void connectParts();
    void connectSession();

    void startLab();
    void labChanged();
    void applyOptions();
    Settings::TraceKind traceKind() const;
    void traceChanged();
    void updateTransport();
    void updateRecentMenu();
    void showWorkspace();
    void showStartPage();
    void sessionModeChanged();
    void showPlaybackStep(int step, bool animate);
    void setFlavour(Flavour flavour);
    void chooseFlavour(Flavour flavour);
    void showError(const QString &message);
    void openScenarioDialog();
    void fitLecture(bool fresh);
    void updateWindowTitle();
    void chooseGuided();

    Settings m_settings;
    // One run at a time. A child of the window, handed over once the widgets that read its trace
    // and lab exist: Qt deletes children in the order they came, so those widgets go first.
    Session *m_session = nullptr;
    QString m_lastError;
    int m_shownPlaybackStep = 0; // the view animates a step only when it follows the one shown

    QStackedWidget *m_stack = nullptr;
    StartPage *m_startPage = nullptr;
    QScrollArea *m_startArea = nullptr; // holds the start page
    RunPage *m_runPage = nullptr;
    LabPanels *m_panels = nullptr;
    GuidedPanel *m_guided = nullptr;
    QDockWidget *m_guideDock = nullptr;
    WindowActions *m_actions = nullptr;
    SessionFiles *m_files = nullptr;
    // Made when first asked for; deleted before the session it reads (~MainWindow).
    QPointer<HostSettingsDialog> m_hostSettings;
    LectureMode *m_lecture = nullptr;
    QLabel *m_labStatus = nullptr;
    QLabel *m_flavourStatus = nullptr;
    QLabel *m_numbersStatus = nullptr;
    QLabel *m_stepStatus = nullptr;
    QTimer *m_play = nullptr;
    QTimer *m_recordingTick = nullptr; // the caption counts the recording's seconds
};
