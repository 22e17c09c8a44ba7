// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings.h"
#include "trace/event.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>

class CallPanel;
class DetailsPanel;
class DiagramView;
class Lab;
class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QTimer;
struct Scenario;
class ScenarioRecorder;
class ScenarioRunner;
class SegmentLabeler;
class Session;
class Trace;
class TraceFile;
class WirePanel;

// The window a lecturer works in: the sequence diagram in the middle with a caption under it, the
// client's and the server's call panels, the wire with the segments in flight, the details of the
// selected segment or call, and a start page listing the built-in scenarios. Lecture mode shows
// only the diagram and the caption, full screen on the screen the lecturer picks.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a saved trace or a capture (pcap, pcapng), told apart by their first bytes; false with
    // the reason shown.
    bool openFile(const QString &path);
    bool openTrace(const QString &path) { return openFile(path); }
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
    bool isLectureMode() const { return m_lecture; }

    // The "next" of the transport: one step forward while the view is behind the live end; at the
    // live end the next scenario step, otherwise the oldest segment in flight is delivered.
    void next();
    void back();
    void restartLab();

    Session *session() const { return m_session.get(); }
    Trace *trace() const;
    Lab *lab() const;
    DiagramView *diagramView() const { return m_view; }
    CallPanel *callPanel(Side side) const;
    WirePanel *wirePanel() const { return m_wirePanel; }
    DetailsPanel *detailsPanel() const { return m_details; }
    ScenarioRunner *runner() const;
    ScenarioRecorder *recorder() const;
    QString captionText() const;
    QString labStatusText() const;
    QString lastError() const { return m_lastError; }
    bool isStartPageShown() const;
    bool isBlanked() const;
    QAction *action(const QString &name) const; // objectName of a menu action, for tests

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildCentre();
    void buildDocks();
    void buildActions();
    void buildMenus();
    void buildStatusBar();
    QAction *makeAction(const QString &name, const QString &text, const QString &tip, QList<QKeySequence> keys = {});
    void startLab();
    void labChanged();
    bool panelsShown() const;
    void showPanelsAsOf(int step);
    void fitCaptionHeight();
    void showLabState();
    void applyOptions();
    void applyWindowTheme(bool dark);
    void setTraceKind(Settings::TraceKind kind);
    void traceGrew(qsizetype first, qsizetype last);
    void traceCleared();
    void updateCaption();
    void updateTransport();
    void updateRecentMenu();
    void showWorkspace();
    void showStartPage();
    void sessionModeChanged();
    void showPlaybackStep(int step, bool animate);
    int rowOfPlaybackStep(int step) const;
    bool stepSendsSegments(int step) const;
    void setFlavour(Flavour flavour);
    void showError(const QString &message);
    void saveAs();
    void save();
    void openDialog();
    int chooseConversation(TraceFile &file); // tcp.stream to import, -1: none (the reason shown)
    void openScenarioDialog();
    void copyImage();
    void exportDialog();
    void saveAsScenario();
    void setBlanked(bool on);
    void fitLecture(bool fresh);
    void togglePlay(bool on);
    QString windowTitleText() const;

    Settings m_settings;
    std::unique_ptr<Session> m_session; // the trace, the lab, the scenario run and its recording
    std::unique_ptr<SegmentLabeler> m_labels;
    Settings::TraceKind m_kind = Settings::TraceKind::Lab;
    QString m_path; // the file the trace was opened from or saved to
    QString m_scenarioCaption;
    QString m_lastError;
    bool m_lecture = false;
    qreal m_lectureScale = 1; // lecture mode: diagram text size over the normal one
    bool m_modified = false;

    QStackedWidget *m_stack = nullptr;
    QWidget *m_startPage = nullptr;
    QListWidget *m_scenarioList = nullptr;
    QLabel *m_startLabState = nullptr;
    QWidget *m_workspace = nullptr;
    DiagramView *m_view = nullptr;
    QLabel *m_caption = nullptr;
    QWidget *m_blank = nullptr;
    CallPanel *m_calls[2] = { nullptr, nullptr };
    WirePanel *m_wirePanel = nullptr;
    DetailsPanel *m_details = nullptr;
    QList<QDockWidget *> m_docks;
    QLabel *m_labStatus = nullptr;
    QLabel *m_flavourStatus = nullptr;
    QLabel *m_numbersStatus = nullptr;
    QLabel *m_stepStatus = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_screenMenu = nullptr;
    QTimer *m_play = nullptr;
    QTimer *m_recordingTick = nullptr; // the caption counts the recording's seconds
    int m_shownPlaybackStep = 0;
    bool m_question = false; // predict mode: the shown step's segments are not labelled yet
    bool m_questionPending = false; // the next playback step is revealed as a question first
    QHash<QString, QAction *> m_actions;
    QActionGroup *m_numbersGroup = nullptr;
    QActionGroup *m_flavourGroup = nullptr;
    Qt::WindowStates m_stateBeforeLecture;
};
