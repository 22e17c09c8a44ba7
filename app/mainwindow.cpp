// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "diagram/diagramrenderer.h"
#include "diagram/diagramview.h"
#include "export/export.h"
#include "export/exportdialog.h"
#include "io/atomicfile.h"
#include "io/pcapimport.h"
#include "io/tracefile.h"
#include "lab/lab.h"
#include "lab/wire.h"
#include "legend.h"
#include "panels/callpanel.h"
#include "panels/conversationpicker.h"
#include "panels/detailspanel.h"
#include "panels/wiremodel.h"
#include "panels/wirepanel.h"
#include "scenario/builtinscenarios.h"
#include "scenario/scenariorecorder.h"
#include "scenario/scenariorunner.h"
#include "scenario/session.h"
#include "trace/segmentlabels.h"
#include "trace/stepcaption.h"
#include "trace/trace.h"
#include "trace/tracejson.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QResizeEvent>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSysInfo>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWindow>

using namespace Qt::StringLiterals;

namespace {
// Play mode: one "next" per beat; the speed setting divides it.
constexpr int kPlayBeatMs = 1200;

bool isTextInput(QObject *o)
{
    const auto *w = qobject_cast<QWidget *>(o);
    return w
        && (w->inherits("QLineEdit") || w->inherits("QAbstractSpinBox") || w->inherits("QTextEdit")
            || w->inherits("QPlainTextEdit"));
}
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(std::make_unique<Session>())
    , m_labels(std::make_unique<SegmentLabeler>(*m_session->trace()))
{
    setWindowTitle(windowTitleText());
    setAcceptDrops(true);
    const QSize room = screen() ? screen()->availableSize() * 0.92 : QSize(1600, 1000);
    resize(room.boundedTo(QSize(1700, 1100)));
    m_play = new QTimer(this);
    connect(m_play, &QTimer::timeout, this, &MainWindow::next);
    m_recordingTick = new QTimer(this);
    m_recordingTick->setInterval(100);
    connect(m_recordingTick, &QTimer::timeout, this, &MainWindow::updateCaption);

    buildCentre();
    buildDocks();
    buildActions();
    buildMenus();
    buildStatusBar();

    connect(trace(), &Trace::eventsAppended, this, &MainWindow::traceGrew);
    connect(trace(), &Trace::cleared, this, &MainWindow::traceCleared);
    connect(lab(), &Lab::failed, this, [this](const QString &message) {
        showError(message);
        labChanged();
    });
    connect(m_session.get(), &Session::modeChanged, this, &MainWindow::sessionModeChanged);
    connect(m_session.get(), &Session::playbackStepChanged, this, [this](int step) {
        m_question = m_questionPending;
        m_questionPending = false;
        showPlaybackStep(step, step == m_shownPlaybackStep + 1);
    });
    connect(m_session.get(), &Session::recordingFinished, this, [this](bool ok, const QString &message) {
        m_recordingTick->stop();
        m_labels->reset();
        m_labels->update();
        fitLecture(true);
        if (!ok)
            statusBar()->showMessage(tr("The recording stopped early: %1").arg(message), 20000);
        labChanged();
    });
    connect(m_session.get(), &Session::expectationFailed, this, [this](int index, const QString &message) {
        statusBar()->showMessage(
            tr("Step %1: the kernels did not do what the scenario expects: %2").arg(index + 1).arg(message), 15000);
    });
    connect(m_session.get(), &Session::takeOverFinished, this, [this](bool ok, const QString &message) {
        if (!ok)
            showError(message);
        else if (!message.isEmpty())
            statusBar()->showMessage(tr("The kernels answered differently from the recording: %1").arg(message), 30000);
        labChanged();
        updateCaption();
    });
    connect(m_session.get(), &Session::liveStepStarted, this, [this](int index, const QString &caption) {
        m_scenarioCaption = tr("%1/%2  %3").arg(index + 1).arg(m_session->scenario()->steps.size()).arg(caption);
        m_view->goToEnd();
        updateCaption();
    });
    connect(m_session.get(), &Session::liveCaptionFilled, this, [this](int index, const QString &caption) {
        m_scenarioCaption = tr("%1/%2  %3").arg(index + 1).arg(m_session->scenario()->steps.size()).arg(caption);
        updateCaption();
    });
    connect(m_session.get(), &Session::liveFinished, this, [this](bool ok, const QString &message) {
        if (!ok)
            m_scenarioCaption = tr("The scenario stopped: %1").arg(message);
        else if (!message.isEmpty())
            statusBar()->showMessage(message, 10000);
        updateCaption();
    });
    // Space, the arrows and PageUp/PageDown step the lesson wherever the focus is: clickers send
    // these keys, and a focused button must not swallow Space.
    qApp->installEventFilter(this);

    applyOptions();
    startLab();
    showStartPage();
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
    m_play->stop();
    // The panels and the diagram read the trace and the lab: they go first, while both still exist
    // (child widgets would otherwise outlive the members they point to).
    qDeleteAll(m_docks);
    m_docks.clear();
    delete takeCentralWidget();
    m_labels.reset();
    m_session.reset();
}

Trace *MainWindow::trace() const { return m_session->trace(); }
Lab *MainWindow::lab() const { return m_session->lab(); }
ScenarioRunner *MainWindow::runner() const { return m_session->runner(); }
ScenarioRecorder *MainWindow::recorder() const { return m_session->recorder(); }

// ---- building ---------------------------------------------------------------------------------

void MainWindow::buildCentre()
{
    m_stack = new QStackedWidget(this);

    // The start page: what to do first.
    m_startPage = new QWidget(m_stack);
    auto *start = new QVBoxLayout(m_startPage);
    start->setContentsMargins(48, 32, 48, 32);
    auto *title = new QLabel(tr("<h1>SynScope</h1><p>Which socket call makes which TCP segment — shown with two "
                                "real Linux kernels and a wire you hold in your hand.</p>"),
        m_startPage);
    title->setWordWrap(true);
    start->addWidget(title);
    m_startLabState = new QLabel(m_startPage);
    m_startLabState->setWordWrap(true);
    m_startLabState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    start->addWidget(m_startLabState);
    start->addWidget(
        new QLabel(tr("<b>Scenarios</b> — choose one to run it on a fresh lab; Space steps through it."), m_startPage));
    m_scenarioList = new QListWidget(m_startPage);
    m_scenarioList->setWordWrap(true);
    m_scenarioList->setSpacing(2);
    for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list()) {
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(e.title, e.description), m_scenarioList);
        item->setData(Qt::UserRole, e.id);
        item->setToolTip(tr("Run \"%1\" (synscope --scenario %2)").arg(e.title, e.id));
    }
    connect(m_scenarioList, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { runScenario(item->data(Qt::UserRole).toString()); });
    start->addWidget(m_scenarioList, 1);
    auto *buttons = new QHBoxLayout;
    auto *byHand = new QPushButton(tr("Work by hand"), m_startPage);
    byHand->setToolTip(tr("Make the socket calls yourself and deliver each segment"));
    connect(byHand, &QPushButton::clicked, this, [this] { showWorkspace(); });
    auto *open = new QPushButton(tr("Open a saved trace or capture…"), m_startPage);
    connect(open, &QPushButton::clicked, this, &MainWindow::openDialog);
    auto *openScenario = new QPushButton(tr("Open a scenario file…"), m_startPage);
    connect(openScenario, &QPushButton::clicked, this, &MainWindow::openScenarioDialog);
    buttons->addWidget(byHand);
    buttons->addWidget(open);
    buttons->addWidget(openScenario);
    buttons->addStretch(1);
    start->addLayout(buttons);
    m_stack->addWidget(m_startPage);

    // The workspace: the diagram and its caption.
    m_workspace = new QWidget(m_stack);
    auto *work = new QVBoxLayout(m_workspace);
    work->setContentsMargins(0, 0, 0, 0);
    work->setSpacing(0);
    m_view = new DiagramView(m_workspace);
    m_view->setTrace(trace());
    work->addWidget(m_view, 1);
    m_caption = new QLabel(m_workspace);
    m_caption->setWordWrap(true);
    m_caption->setMargin(8);
    m_caption->setMinimumHeight(m_caption->fontMetrics().height() * 3);
    m_caption->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_caption->setAutoFillBackground(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->installEventFilter(this);
    work->addWidget(m_caption);
    m_stack->addWidget(m_workspace);
    setCentralWidget(m_stack);

    connect(m_view, &DiagramView::currentStepChanged, this, [this] {
        updateCaption();
        updateTransport();
    });
    connect(m_view, &DiagramView::eventSelected, this, [this](qsizetype index) { m_details->setEventIndex(index); });

    // B in lecture mode: a black screen over everything, until B again.
    m_blank = new QWidget(this);
    m_blank->setAutoFillBackground(true);
    QPalette black = m_blank->palette();
    black.setColor(QPalette::Window, Qt::black);
    m_blank->setPalette(black);
    m_blank->hide();
}

void MainWindow::buildDocks()
{
    auto dock = [this](const QString &title, const QString &name, QWidget *content, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(content);
        d->setFeatures(
            QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
        addDockWidget(area, d);
        m_docks << d;
        return d;
    };
    m_calls[int(Side::Client)] = new CallPanel(Side::Client, this);
    m_calls[int(Side::Server)] = new CallPanel(Side::Server, this);
    m_wirePanel = new WirePanel(trace(), this);
    m_details = new DetailsPanel(this);
    m_details->setTrace(trace());
    dock(tr("Client"), u"clientDock"_s, m_calls[int(Side::Client)], Qt::LeftDockWidgetArea);
    dock(tr("Server"), u"serverDock"_s, m_calls[int(Side::Server)], Qt::RightDockWidgetArea);
    QDockWidget *wire = dock(tr("Wire"), u"wireDock"_s, m_wirePanel, Qt::LeftDockWidgetArea);
    QDockWidget *details = dock(tr("Details"), u"detailsDock"_s, m_details, Qt::RightDockWidgetArea);
    splitDockWidget(m_docks[0], wire, Qt::Vertical);
    splitDockWidget(m_docks[1], details, Qt::Vertical);
    // The diagram in the middle gets the room; panels keep to what their buttons need.
    resizeDocks({ m_docks[0], m_docks[1] }, { 280, 280 }, Qt::Horizontal);

    const auto labelSegment = [this](qsizetype sendIndex) {
        QString text = m_labels->label(sendIndex, m_settings.numberStyle());
        return text.isEmpty() ? tcpFlagsText(trace()->at(sendIndex).flags) : text;
    };
    for (Direction d : { Direction::ClientToServer, Direction::ServerToClient }) {
        WireModel *model = m_wirePanel->model(d);
        model->setLabeler(labelSegment);
        // A segment picked on the wire shows its fields, as one picked in the diagram does.
        connect(m_wirePanel->view(d)->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, model](const QModelIndex &current) {
                if (current.isValid())
                    m_details->setEventIndex(model->data(current, WireModel::SendIndexRole).value<qsizetype>());
            });
    }
    // Everything done by hand is recorded, so it can be saved as a scenario and replayed.
    connect(
        m_wirePanel, &WirePanel::acted, this, [this](Wire::Action action, Direction, qsizetype sendIndex, bool oldest) {
            m_scenarioCaption.clear();
            m_modified = true;
            QString error;
            if (!recorder()->addWireAction(action, sendIndex, !oldest, &error))
                statusBar()->showMessage(tr("Not recorded for a scenario: %1").arg(error), 8000);
        });
    connect(m_wirePanel, &WirePanel::modeChanged, this, [this](Direction direction, Wire::Mode mode, qint64 latencyNs) {
        recorder()->addWireMode(mode, int(latencyNs / 1000000), direction);
    });
    for (CallPanel *panel : m_calls) {
        connect(panel, &CallPanel::called, this, [this](qsizetype callEvent) {
            m_scenarioCaption.clear();
            m_modified = true;
            showWorkspace();
            QString error;
            if (!recorder()->addCall(callEvent, &error))
                statusBar()->showMessage(tr("Not recorded for a scenario: %1").arg(error), 8000);
        });
    }
}

QAction *MainWindow::makeAction(const QString &name, const QString &text, const QString &tip, QList<QKeySequence> keys)
{
    auto *a = new QAction(text, this);
    a->setObjectName(name);
    if (!keys.isEmpty())
        a->setShortcuts(keys);
    QString toolTip = tip;
    if (!keys.isEmpty())
        toolTip += QStringLiteral(" (%1)").arg(keys.first().toString(QKeySequence::NativeText));
    a->setToolTip(toolTip);
    a->setStatusTip(tip);
    // Added to the window as well as to a menu: shortcuts keep working in lecture mode, where the
    // menu bar is hidden.
    addAction(a);
    m_actions.insert(name, a);
    return a;
}

QAction *MainWindow::action(const QString &name) const { return m_actions.value(name); }

void MainWindow::buildActions()
{
    // File
    connect(makeAction(u"open"_s, tr("&Open…"), tr("Open a saved trace (.json) or a capture (.pcap, .pcapng)"),
                { QKeySequence::Open }),
        &QAction::triggered, this, &MainWindow::openDialog);
    connect(makeAction(u"save"_s, tr("&Save"), tr("Save the trace as JSON"), { QKeySequence::Save }),
        &QAction::triggered, this, &MainWindow::save);
    connect(makeAction(
                u"saveAs"_s, tr("Save &As…"), tr("Save the trace as JSON under a new name"), { QKeySequence::SaveAs }),
        &QAction::triggered, this, &MainWindow::saveAs);
    connect(makeAction(u"export"_s, tr("&Export…"),
                tr("The diagram as PNG, SVG or PDF (slides, slide builds, handouts), the capture as pcap, the trace as "
                   "JSON, or the sequence as Mermaid, PlantUML or text"),
                { QKeySequence(Qt::CTRL | Qt::Key_E) }),
        &QAction::triggered, this, &MainWindow::exportDialog);
    connect(makeAction(u"copyImage"_s, tr("&Copy Image"), tr("Copy the diagram to the clipboard as an image"),
                { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C) }),
        &QAction::triggered, this, &MainWindow::copyImage);
    connect(makeAction(u"quit"_s, tr("&Quit"), tr("Close SynScope"), { QKeySequence::Quit }), &QAction::triggered, this,
        &QWidget::close);

    // Go
    QAction *nextAction = makeAction(u"next"_s, tr("&Next"),
        tr("One step forward; at the live end the next scenario step, or deliver the oldest segment in flight"),
        { Qt::Key_Space, Qt::Key_Right, Qt::Key_PageDown });
    nextAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(nextAction, &QAction::triggered, this, &MainWindow::next);
    QAction *backAction = makeAction(u"back"_s, tr("&Back"),
        tr("One step back (only the view moves; the kernels run on)"), { Qt::Key_Left, Qt::Key_PageUp });
    backAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(backAction, &QAction::triggered, this, &MainWindow::back);
    connect(makeAction(u"first"_s, tr("&Start"), tr("Go to the first step"), { Qt::Key_Home }), &QAction::triggered,
        this, [this] {
            if (m_session->mode() == Session::Mode::Playback)
                m_session->setPlaybackStep(0);
            else
                m_view->goToStart();
        });
    connect(makeAction(u"last"_s, tr("&End"), tr("Go to the last step"), { Qt::Key_End }), &QAction::triggered, this,
        [this] {
            if (m_session->mode() == Session::Mode::Playback)
                m_session->setPlaybackStep(m_session->stepCount());
            else
                m_view->goToEnd();
        });
    QAction *play = makeAction(
        u"play"_s, tr("&Play"), tr("Step on by itself, one step per beat"), { QKeySequence(Qt::SHIFT | Qt::Key_P) });
    play->setCheckable(true);
    connect(play, &QAction::toggled, this, &MainWindow::togglePlay);
    QAction *takeOver = makeAction(u"takeOver"_s, tr("&Take Over Here"),
        tr("Replay the steps so far on a fresh lab and go on live from here"), { QKeySequence(Qt::Key_T) });
    takeOver->setEnabled(false);
    connect(takeOver, &QAction::triggered, this, &MainWindow::toggleTakeOver);
    connect(makeAction(u"restart"_s, tr("&Restart with a Fresh Lab"),
                tr("Close every socket and start two new kernels"), { QKeySequence(Qt::CTRL | Qt::Key_R) }),
        &QAction::triggered, this, &MainWindow::restartLab);
    connect(makeAction(u"startPage"_s, tr("Start &Page"), tr("Show the list of scenarios")), &QAction::triggered, this,
        &MainWindow::showStartPage);

    // View
    connect(makeAction(u"zoomIn"_s, tr("Zoom &In"), tr("Larger diagram"), { QKeySequence::ZoomIn }),
        &QAction::triggered, this, [this] { m_view->zoomIn(); });
    connect(makeAction(u"zoomOut"_s, tr("Zoom &Out"), tr("Smaller diagram"), { QKeySequence::ZoomOut }),
        &QAction::triggered, this, [this] { m_view->zoomOut(); });
    connect(makeAction(u"zoomFit"_s, tr("Zoom to &Fit"), tr("The whole diagram in the window"),
                { QKeySequence(Qt::CTRL | Qt::Key_9) }),
        &QAction::triggered, this, [this] { m_view->zoomToFit(); });
    connect(
        makeAction(u"zoomReset"_s, tr("&Actual Size"), tr("Zoom back to 100%"), { QKeySequence(Qt::CTRL | Qt::Key_0) }),
        &QAction::triggered, this, [this] { m_view->resetZoom(); });
    QAction *lecture = makeAction(u"lecture"_s, tr("&Lecture Mode"),
        tr("Full screen: only the diagram and the caption, large"), { QKeySequence(Qt::Key_F5) });
    lecture->setCheckable(true);
    connect(lecture, &QAction::toggled, this, &MainWindow::setLectureMode);
    QAction *leave = makeAction(
        u"leaveLecture"_s, tr("Leave Lecture Mode"), tr("Back to the window"), { QKeySequence(Qt::Key_Escape) });
    leave->setEnabled(false);
    connect(leave, &QAction::triggered, this, [this] { setLectureMode(false); });
    QAction *blank = makeAction(
        u"blank"_s, tr("&Blank Screen"), tr("Lecture mode: black screen until B again"), { QKeySequence(Qt::Key_B) });
    blank->setCheckable(true);
    blank->setEnabled(false);
    connect(blank, &QAction::toggled, this, &MainWindow::setBlanked);

    QAction *detail = makeAction(u"detail"_s, tr("Segment &Detail"), tr("Window, options and payload under each label"),
        { QKeySequence(Qt::CTRL | Qt::Key_D) });
    detail->setCheckable(true);
    detail->setChecked(m_settings.showDetail());
    connect(detail, &QAction::toggled, this, [this](bool on) {
        m_settings.setShowDetail(on);
        applyOptions();
    });
    QAction *predict = makeAction(u"predict"_s, tr("&Predict Mode"),
        tr("Each step's segments first appear without labels, so the room can say what the kernel sends; Space "
           "reveals them"),
        { QKeySequence(Qt::Key_P) });
    predict->setCheckable(true);
    connect(predict, &QAction::toggled, this, [this](bool on) {
        if (!on && m_question) {
            m_question = false;
            showPlaybackStep(m_session->playbackStep(), false);
        }
    });
    QAction *everyRetransmission = makeAction(u"everyRetransmission"_s, tr("Show &Every Retransmission"),
        tr("An arrow for every copy a kernel resent; off, a segment resent while held or lost is one arrow with a "
           "count (lab runs; a capture always shows each)"));
    everyRetransmission->setCheckable(true);
    everyRetransmission->setChecked(m_settings.showEveryRetransmission());
    connect(everyRetransmission, &QAction::toggled, this, [this](bool on) {
        m_settings.setShowEveryRetransmission(on);
        applyOptions();
    });
    QAction *windowAlways = makeAction(u"windowAlways"_s, tr("Show &Window in Every Label"),
        tr("Every segment's label says the receive window it advertises (\"ACK K+1, win 502\"); off, only a "
           "zero window, its reopening and window probes say it"));
    windowAlways->setCheckable(true);
    windowAlways->setChecked(m_settings.showWindowAlways());
    connect(windowAlways, &QAction::toggled, this, [this](bool on) {
        m_settings.setShowWindowAlways(on);
        applyOptions();
    });
    QAction *byTime = makeAction(u"byTime"_s, tr("Layout by &Time"),
        tr("Rows at real time instead of evenly spaced steps"), { QKeySequence(Qt::CTRL | Qt::Key_T) });
    byTime->setCheckable(true);
    connect(byTime, &QAction::toggled, this, [this](bool on) {
        m_settings.setLayoutMode(m_kind, on ? LayoutMode::ByTime : LayoutMode::ByStep);
        applyOptions();
    });
    QAction *dark = makeAction(u"dark"_s, tr("Dar&k Theme"), tr("Light text on dark; the light theme suits projectors"),
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D) });
    dark->setCheckable(true);
    dark->setChecked(m_settings.theme() == DiagramTheme::Dark);
    connect(dark, &QAction::toggled, this, [this](bool on) {
        m_settings.setTheme(on ? DiagramTheme::Dark : DiagramTheme::Light);
        applyOptions();
    });
    QAction *reduced = makeAction(u"reducedMotion"_s, tr("&Reduced Motion"), tr("No travelling markers or fades"));
    reduced->setCheckable(true);
    reduced->setChecked(m_settings.reducedMotion());
    connect(reduced, &QAction::toggled, this, [this](bool on) {
        m_settings.setReducedMotion(on);
        applyOptions();
    });
    connect(makeAction(u"fontLarger"_s, tr("Larger &Text"), tr("Larger diagram text"),
                { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Plus) }),
        &QAction::triggered, this, [this] {
            m_settings.setFontPointSize(m_settings.fontPointSize() + 1);
            applyOptions();
        });
    connect(makeAction(u"fontSmaller"_s, tr("Smaller Te&xt"), tr("Smaller diagram text"),
                { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Minus) }),
        &QAction::triggered, this, [this] {
            m_settings.setFontPointSize(m_settings.fontPointSize() - 1);
            applyOptions();
        });

    m_numbersGroup = new QActionGroup(this);
    const std::pair<NumberStyle, QString> styles[] = { { NumberStyle::Symbolic, tr("&Symbolic (SYN J, ACK J+1)") },
        { NumberStyle::Relative, tr("&Relative (seq 0, ack 1)") },
        { NumberStyle::Absolute, tr("&Absolute (the real numbers)") } };
    int key = Qt::Key_1;
    for (const auto &[style, text] : styles) {
        QAction *a = makeAction(u"numbers"_s + numberStyleName(style), text,
            tr("Write sequence numbers %1").arg(numberStyleName(style)), { QKeySequence(Qt::ALT | Qt::Key(key++)) });
        a->setCheckable(true);
        a->setChecked(m_settings.numberStyle() == style);
        a->setData(int(style));
        m_numbersGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, style] {
            m_settings.setNumberStyle(style);
            applyOptions();
        });
    }

    // Lab
    m_flavourGroup = new QActionGroup(this);
    QAction *bsd = makeAction(
        u"flavourBsd"_s, tr("&BSD Sockets"), tr("The calls of the textbook: socket, bind, listen, connect, accept…"));
    QAction *qt = makeAction(
        u"flavourQt"_s, tr("&Qt (QTcpServer, QTcpSocket)"), tr("Qt's own calls and signals on the same kernels"));
    for (QAction *a : { bsd, qt }) {
        a->setCheckable(true);
        m_flavourGroup->addAction(a);
    }
    (m_settings.flavour() == Flavour::Qt ? qt : bsd)->setChecked(true);
    connect(bsd, &QAction::triggered, this, [this] { setFlavour(Flavour::Bsd); });
    connect(qt, &QAction::triggered, this, [this] { setFlavour(Flavour::Qt); });

    // Help
    connect(makeAction(u"legend"_s, tr("How to Read the &Diagram"),
                tr("What boxes, arrows, heads, marks and bars mean"), { QKeySequence::HelpContents }),
        &QAction::triggered, this, [this] {
            LegendDialog dialog(this);
            dialog.exec();
        });

    // Scenarios
    connect(makeAction(u"openScenario"_s, tr("&Open Scenario File…"), tr("Run a scenario file of your own")),
        &QAction::triggered, this, &MainWindow::openScenarioDialog);
    connect(makeAction(u"saveScenario"_s, tr("&Save What I Did as Scenario…"),
                tr("Write the calls and wire actions made by hand since the lab started as a scenario file to replay")),
        &QAction::triggered, this, &MainWindow::saveAsScenario);
    connect(
        makeAction(u"runAll"_s, tr("&Run to the End"), tr("Run the remaining steps of the scenario without stopping"),
            { QKeySequence(Qt::CTRL | Qt::Key_Return) }),
        &QAction::triggered, this, [this] {
            if (m_session->mode() == Session::Mode::Playback)
                m_session->setPlaybackStep(m_session->stepCount());
            else if (runner())
                runner()->runAll();
        });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(u"open"_s));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(action(u"save"_s));
    file->addAction(action(u"saveAs"_s));
    file->addSeparator();
    file->addAction(action(u"export"_s));
    file->addAction(action(u"copyImage"_s));
    file->addSeparator();
    file->addAction(action(u"quit"_s));
    updateRecentMenu();

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (const auto *name : { "next", "back", "first", "last", "play" })
        go->addAction(action(QString::fromLatin1(name)));
    go->addSeparator();
    go->addAction(action(u"restart"_s));
    go->addAction(action(u"startPage"_s));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *numbers = view->addMenu(tr("&Numbers"));
    numbers->addActions(m_numbersGroup->actions());
    view->addAction(action(u"detail"_s));
    view->addAction(action(u"everyRetransmission"_s));
    view->addAction(action(u"windowAlways"_s));
    view->addAction(action(u"predict"_s));
    view->addAction(action(u"byTime"_s));
    view->addAction(action(u"dark"_s));
    view->addAction(action(u"reducedMotion"_s));
    view->addAction(action(u"fontLarger"_s));
    view->addAction(action(u"fontSmaller"_s));
    QMenu *speed = view->addMenu(tr("&Speed"));
    speed->setToolTipsVisible(true);
    auto *speeds = new QActionGroup(speed);
    for (const qreal factor : { 0.5, 1.0, 2.0, 4.0 }) {
        QAction *a = speed->addAction(tr("%1×").arg(factor));
        a->setToolTip(tr("Animations and play mode at %1 times the normal speed").arg(factor));
        a->setCheckable(true);
        a->setChecked(qFuzzyCompare(m_settings.animationSpeed(), factor));
        speeds->addAction(a);
        connect(a, &QAction::triggered, this, [this, factor] {
            m_settings.setAnimationSpeed(factor);
            applyOptions();
            if (m_play->isActive())
                m_play->start(int(kPlayBeatMs / factor));
        });
    }
    view->addSeparator();
    for (const auto *name : { "zoomIn", "zoomOut", "zoomFit", "zoomReset" })
        view->addAction(action(QString::fromLatin1(name)));
    view->addSeparator();
    view->addAction(action(u"lecture"_s));
    view->addAction(action(u"blank"_s));
    m_screenMenu = view->addMenu(tr("Lecture &Screen"));
    connect(m_screenMenu, &QMenu::aboutToShow, this, [this] {
        m_screenMenu->clear();
        auto *group = new QActionGroup(m_screenMenu);
        const QString chosen = m_settings.lectureScreen();
        for (QScreen *screen : QGuiApplication::screens()) {
            QAction *a = m_screenMenu->addAction(QStringLiteral("%1 (%2×%3)")
                                                     .arg(screen->name())
                                                     .arg(screen->size().width())
                                                     .arg(screen->size().height()));
            a->setCheckable(true);
            a->setChecked(screen->name() == chosen || (chosen.isEmpty() && screen == QGuiApplication::primaryScreen()));
            group->addAction(a);
            connect(a, &QAction::triggered, this, [this, name = screen->name()] { m_settings.setLectureScreen(name); });
        }
    });
    view->addSeparator();
    for (QDockWidget *d : std::as_const(m_docks))
        view->addAction(d->toggleViewAction());

    QMenu *lab = menuBar()->addMenu(tr("&Lab"));
    lab->addAction(action(u"takeOver"_s));
    lab->addAction(action(u"restart"_s));
    lab->addSeparator();
    lab->addActions(m_flavourGroup->actions());

    QMenu *scenarios = menuBar()->addMenu(tr("&Scenarios"));
    for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list()) {
        QAction *a = scenarios->addAction(e.title, this, [this, id = e.id] { runScenario(id); });
        a->setToolTip(e.description);
        a->setStatusTip(e.description);
    }
    scenarios->setToolTipsVisible(true);
    scenarios->addSeparator();
    scenarios->addAction(action(u"openScenario"_s));
    scenarios->addAction(action(u"saveScenario"_s));
    scenarios->addAction(action(u"runAll"_s));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(u"legend"_s));

    QToolBar *bar = addToolBar(tr("Transport"));
    bar->setObjectName(u"transport"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const auto *name : { "first", "back", "next", "last", "play", "takeOver", "restart" })
        bar->addAction(action(QString::fromLatin1(name)));
    bar->addSeparator();
    bar->addActions(m_flavourGroup->actions());
    bar->addSeparator();
    bar->addActions(m_numbersGroup->actions());
    // Toolbar buttons must not take Space for themselves either.
    for (QWidget *w : bar->findChildren<QWidget *>())
        w->setFocusPolicy(Qt::NoFocus);
}

void MainWindow::buildStatusBar()
{
    m_labStatus = new QLabel(this);
    m_labStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stepStatus = new QLabel(this);
    m_flavourStatus = new QLabel(this);
    m_numbersStatus = new QLabel(this);
    statusBar()->addWidget(m_labStatus, 1);
    statusBar()->addPermanentWidget(m_stepStatus);
    statusBar()->addPermanentWidget(m_flavourStatus);
    statusBar()->addPermanentWidget(m_numbersStatus);
}

// ---- the lab ----------------------------------------------------------------------------------

void MainWindow::startLab()
{
    m_session->startLab();
    m_path.clear();
    m_modified = false;
    setTraceKind(Settings::TraceKind::Lab);
    fitLecture(true);
    labChanged();
    m_scenarioCaption.clear();
    updateCaption();
}

void MainWindow::restartLab()
{
    startLab();
    if (lab()->isReady())
        m_caption->setText(tr("A fresh lab: two new kernels, no sockets. Make a call on either side to begin."));
}

bool MainWindow::panelsShown() const
{
    // Without live kernels the call panels and the wire have nothing to do: the diagram takes their
    // room. A recording being made or replayed is the scenario's, not the user's, to act on.
    const Session::Mode mode = m_session->mode();
    // A recording shows, read-only, what the programs held and what was on the wire at its step.
    if (mode == Session::Mode::Playback)
        return true;
    return lab()->isReady() && (mode == Session::Mode::Live || mode == Session::Mode::Replaying);
}

void MainWindow::showPanelsAsOf(int step)
{
    const Trace *t = trace();
    const int k = std::min<int>(step, int(t->steps().size())) - 1;
    // While predict mode asks, the wire must not give the answer away: as of the step's start.
    const qsizetype end = k < 0 ? 0 : m_question ? t->stepBegin(k) : t->stepEnd(k);
    m_wirePanel->showAsOf(end, step);
    for (CallPanel *panel : m_calls)
        panel->showAsOf(t, end, step);
}

void MainWindow::labChanged()
{
    const bool ready = lab()->isReady() && m_session->mode() == Session::Mode::Live;
    if (!m_lecture) {
        for (QDockWidget *d : std::as_const(m_docks)) {
            if (d->widget() != m_details)
                d->setVisible(panelsShown());
        }
    }
    m_wirePanel->setWire(ready ? lab()->wire() : nullptr);
    for (CallPanel *panel : m_calls)
        panel->setLab(ready ? lab() : nullptr);
    setFlavour(m_settings.flavour());
    if (m_session->mode() == Session::Mode::Playback)
        showPanelsAsOf(m_session->playbackStep());
    showLabState();
    setWindowTitle(windowTitleText());
}

void MainWindow::showLabState()
{
    QString text;
    QString start;
    const TraceInfo &info = trace()->info();
    const Session::Mode mode = m_session->mode();
    if (mode == Session::Mode::Playback || mode == Session::Mode::Recording) {
        // What is shown, said once and quietly: a recording, which kernel made it, and when.
        const QString when = info.wallClockOrigin.isValid()
            ? QLocale().toString(info.wallClockOrigin.toLocalTime(), QLocale::ShortFormat)
            : tr("an unknown time");
        if (mode == Session::Mode::Recording)
            text = tr("Recording on real kernels (Linux %1)…").arg(QSysInfo::kernelVersion());
        else if (info.source == u"lab")
            text = tr("Recorded on Linux %1 at %2 — real kernels. T takes over live at the step shown.")
                       .arg(info.kernel.isEmpty() ? tr("(kernel unknown)") : info.kernel, when);
        else
            text = tr("A %1 trace, not recorded on kernels.").arg(info.source);
        start = QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
    } else if (lab()->isReady()) {
        text = tr("Lab ready: client %1 and server %2, each its own kernel (%3)")
                   .arg(Lab::address(Side::Client), Lab::address(Side::Server), lab()->helperDescription());
        start = tr("<p style='color:#1b5e20'>%1.</p>").arg(text.toHtmlEscaped());
    } else if (lab()->error().isError()) {
        text = tr("Lab unavailable: %1").arg(lab()->error().message());
        start = tr("<p style='color:#b00020'><b>The lab cannot run here.</b> %1</p><p>You can still open a saved trace "
                   "or a capture and step through it.</p>")
                    .arg(lab()->error().message().toHtmlEscaped());
    } else {
        text = tr("Lab stopped: showing %1. Ctrl+R starts a fresh lab.")
                   .arg(m_path.isEmpty() ? tr("a trace") : QFileInfo(m_path).fileName());
        start = QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
    }
    m_labStatus->setText(text);
    m_labStatus->setToolTip(text);
    m_startLabState->setText(start);
}

void MainWindow::setFlavour(Flavour flavour)
{
    m_settings.setFlavour(flavour);
    for (CallPanel *panel : m_calls)
        panel->setFlavour(flavour);
    action(flavour == Flavour::Qt ? u"flavourQt"_s : u"flavourBsd"_s)->setChecked(true);
    m_flavourStatus->setText(flavour == Flavour::Qt ? tr("Qt flavour") : tr("BSD sockets"));
}

// ---- options ----------------------------------------------------------------------------------

void MainWindow::setTraceKind(Settings::TraceKind kind)
{
    m_kind = kind;
    applyOptions();
}

void MainWindow::applyOptions()
{
    DiagramOptions o = m_settings.diagramOptions(m_kind);
    if (m_lecture)
        o.fontPointSize *= m_lectureScale;
    m_view->setOptions(o);
    // Rows differ by layout: the playback step stays the one shown.
    if (m_session->mode() == Session::Mode::Playback)
        showPlaybackStep(m_session->playbackStep(), false);
    else if (m_session->mode() == Session::Mode::Recording)
        m_view->revealThrough(-1, false);
    {
        const QSignalBlocker block(action(u"byTime"_s));
        action(u"byTime"_s)->setChecked(o.layout == LayoutMode::ByTime);
    }
    m_numbersStatus->setText(tr("numbers: %1").arg(numberStyleName(o.numbers)));
    QFont captionFont = font();
    captionFont.setPointSizeF(m_lecture ? o.fontPointSize * 1.3 : font().pointSizeF() * 1.15);
    m_caption->setFont(captionFont);
    // Room for three lines whatever the step says, so the diagram does not jump from step to step.
    fitCaptionHeight();
    const bool dark = o.theme == DiagramTheme::Dark;
    applyWindowTheme(dark);
    QPalette p = m_caption->palette();
    p.setColor(QPalette::Window, dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(0xfa, 0xfa, 0xf7));
    p.setColor(QPalette::WindowText, dark ? QColor(0xee, 0xee, 0xee) : QColor(0x20, 0x20, 0x20));
    m_caption->setPalette(p);
    // Labels in the wire list follow the number style.
    for (Direction d : { Direction::ClientToServer, Direction::ServerToClient }) {
        WireModel *model = m_wirePanel->model(d);
        if (model->rowCount() > 0)
            emit model->dataChanged(
                model->index(0, 0), model->index(model->rowCount() - 1, WireModel::ColumnCount - 1));
    }
    updateCaption();
}

void MainWindow::applyWindowTheme(bool dark)
{
    // Qt 6.4 cannot ask the desktop for its colour scheme: the theme is the app's own setting, and
    // the panels follow the diagram so a dark room gets no bright rectangles.
    static const QPalette light = QApplication::palette();
    if (!dark) {
        QApplication::setPalette(light);
        return;
    }
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    QApplication::setPalette(p);
}

// ---- the trace and the caption ----------------------------------------------------------------

void MainWindow::traceGrew(qsizetype, qsizetype)
{
    m_labels->update();
    fitLecture(false);
    if (m_stack->currentWidget() == m_startPage && trace()->size() > 0 && lab()->isReady())
        showWorkspace();
    updateCaption();
    updateTransport();
}

void MainWindow::traceCleared()
{
    m_labels->reset();
    m_details->setEventIndex(-1);
    updateCaption();
    updateTransport();
}

void MainWindow::updateCaption()
{
    if (!m_caption)
        return;
    const std::optional<Scenario> &scenario = m_session->scenario();
    const QString title = scenario ? scenario->title : trace()->info().scenarioTitle;
    switch (m_session->mode()) {
    case Session::Mode::Recording:
        m_caption->setText(tr("Recording “%1” on real kernels… %2 s")
                               .arg(title)
                               .arg(QString::number(m_session->recordingElapsedMs() / 1000.0, 'f', 1)));
        return;
    case Session::Mode::Replaying:
        m_caption->setText(
            tr("Taking over at step %1: replaying steps 1–%1 on a fresh lab…").arg(m_session->takenOverAt()));
        return;
    case Session::Mode::Playback: {
        const int step = m_session->playbackStep();
        const int count = m_session->stepCount();
        if (m_question) {
            m_caption->setText(tr("%1/%2  What does the kernel send now?").arg(step).arg(count));
            return;
        }
        if (step <= 0) {
            const QString description = scenario ? scenario->description : trace()->info().scenarioDescription;
            m_caption->setText(tr("%1 — %2 Press Space for the first step.").arg(title, description));
        } else {
            m_caption->setText(tr("%1/%2  %3").arg(step).arg(count).arg(trace()->steps()[size_t(step - 1)].caption));
        }
        return;
    }
    case Session::Mode::Live:
        if (m_session->isTakenOver() && m_scenarioCaption.isEmpty() && m_view->isAtLiveEnd()) {
            const QStringList &differences = m_session->replayDifferences();
            m_caption->setText(differences.isEmpty()
                    ? tr("Live from step %1: fresh kernels replayed the recording up to here and are now yours — "
                         "deliver, drop or delay what is on the wire, or make a call. Space goes on with the "
                         "scenario; T returns to the recording.")
                          .arg(m_session->takenOverAt())
                    : tr("Live from step %1 — the kernels answered differently from the recording: %2")
                          .arg(m_session->takenOverAt())
                          .arg(differences.join(QStringLiteral("; "))));
            return;
        }
        break;
    case Session::Mode::Still:
        break;
    }
    // A running scenario's caption is the lecturer's text: it wins while its step is current.
    if (!m_scenarioCaption.isEmpty() && m_view->isAtLiveEnd()) {
        m_caption->setText(m_scenarioCaption);
        return;
    }
    const int step = m_view->currentStep();
    qsizetype event = -1;
    if (step >= 0 && step < m_view->stepCount() && m_view->renderer())
        event = m_view->renderer()->eventOfStep(step);
    if (event < 0) {
        m_caption->setText(lab()->isReady() && trace()->isEmpty()
                ? tr("Make a call on either side — socket(), bind(), listen() on the server, then connect() on the "
                     "client — or choose a scenario. Space steps.")
                : QString());
        return;
    }
    m_caption->setText(StepCaption::describe(*trace(), *m_labels, event, m_settings.numberStyle()));
}

void MainWindow::updateTransport()
{
    if (m_session->mode() == Session::Mode::Playback) {
        const int count = m_session->stepCount();
        const int step = m_session->playbackStep();
        m_stepStatus->setText(tr("step %1 of %2").arg(step).arg(count));
        action(u"back"_s)->setEnabled(step > 0);
        action(u"first"_s)->setEnabled(step > 0);
        action(u"last"_s)->setEnabled(step < count);
        return;
    }
    const int count = m_view->stepCount();
    const int step = m_view->currentStep();
    m_stepStatus->setText(count > 0 ? tr("step %1 of %2").arg(step + 1).arg(count) : QString());
    action(u"back"_s)->setEnabled(step > 0);
    action(u"first"_s)->setEnabled(step > 0);
    action(u"last"_s)->setEnabled(!m_view->isAtLiveEnd());
}

// ---- transport --------------------------------------------------------------------------------

void MainWindow::next()
{
    if (m_stack->currentWidget() == m_startPage && !m_lecture) {
        showWorkspace();
        return;
    }
    switch (m_session->mode()) {
    case Session::Mode::Recording:
    case Session::Mode::Replaying:
        statusBar()->showMessage(tr("The kernels are still recording; the first step shows in a moment."), 4000);
        return;
    case Session::Mode::Playback:
        if (m_session->playbackStep() >= m_session->stepCount()) {
            m_play->stop();
            action(u"play"_s)->setChecked(false);
            statusBar()->showMessage(tr("The scenario is at its end (step %1 of %1). T takes over on live kernels.")
                                         .arg(m_session->stepCount()),
                8000);
            return;
        }
        if (m_question) {
            // The answer: the same step, now with its labels and caption.
            m_question = false;
            showPlaybackStep(m_session->playbackStep(), false);
            return;
        }
        m_questionPending = action(u"predict"_s)->isChecked() && stepSendsSegments(m_session->playbackStep() + 1);
        m_session->setPlaybackStep(m_session->playbackStep() + 1);
        return;
    case Session::Mode::Still:
    case Session::Mode::Live:
        break;
    }
    if (!m_view->isAtLiveEnd()) {
        m_view->stepForward();
        return;
    }
    if (runner() && !runner()->isFinished()) {
        // A step still waiting for the kernels: the key press is not lost, it waits too.
        if (!runner()->isWaiting())
            runner()->step();
        return;
    }
    m_wirePanel->deliverNext();
}

void MainWindow::back()
{
    if (m_session->mode() == Session::Mode::Playback)
        m_session->setPlaybackStep(m_session->playbackStep() - 1);
    else
        m_view->stepBack();
}

void MainWindow::togglePlay(bool on)
{
    if (on)
        m_play->start(int(kPlayBeatMs / m_settings.animationSpeed()));
    else
        m_play->stop();
}

void MainWindow::fitCaptionHeight()
{
    // Room for three lines, and in a recording for its longest caption at this width: the diagram
    // keeps its place from step to step instead of jumping with each caption's length.
    const QFontMetrics metrics(m_caption->font());
    const int width = std::max(100, m_caption->width() - 2 * m_caption->margin() - 4);
    int lines = metrics.lineSpacing() * 3;
    if (m_session->mode() == Session::Mode::Playback) {
        QStringList texts;
        const std::vector<TraceStep> &steps = trace()->steps();
        for (size_t k = 0; k < steps.size(); ++k)
            texts << tr("%1/%2  %3").arg(k + 1).arg(steps.size()).arg(steps[k].caption);
        for (const QString &text : std::as_const(texts))
            lines = std::max(lines, metrics.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, text).height());
    }
    const int height = lines + 2 * m_caption->margin() + 4;
    if (m_caption->minimumHeight() != height)
        m_caption->setMinimumHeight(height);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_caption && event->type() == QEvent::Resize
        && static_cast<QResizeEvent *>(event)->oldSize().width() != m_caption->width())
        fitCaptionHeight();
    // A focused push button reacts to Space on key press and release unless the shortcut system
    // takes the key first: make sure it does, so Space is "next" wherever the focus is.
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress
        || event->type() == QEvent::KeyRelease) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier && isActiveWindow()
            && !isTextInput(watched) && qobject_cast<QWidget *>(watched)
            && static_cast<QWidget *>(watched)->window() == this) {
            if (event->type() == QEvent::KeyPress && !key->isAutoRepeat())
                next();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

// ---- pages and lecture mode -------------------------------------------------------------------

void MainWindow::showWorkspace() { m_stack->setCurrentWidget(m_workspace); }

void MainWindow::showStartPage()
{
    if (!m_lecture)
        m_stack->setCurrentWidget(m_startPage);
}

bool MainWindow::isStartPageShown() const { return m_stack->currentWidget() == m_startPage; }

void MainWindow::setLectureMode(bool on)
{
    if (on == m_lecture)
        return;
    m_lecture = on;
    {
        const QSignalBlocker block(action(u"lecture"_s));
        action(u"lecture"_s)->setChecked(on);
    }
    action(u"leaveLecture"_s)->setEnabled(on);
    action(u"blank"_s)->setEnabled(on);
    if (!on)
        action(u"blank"_s)->setChecked(false);
    menuBar()->setVisible(!on);
    statusBar()->setVisible(!on);
    for (QToolBar *bar : findChildren<QToolBar *>())
        bar->setVisible(!on);
    for (QDockWidget *d : std::as_const(m_docks))
        d->setVisible(!on && (panelsShown() || d->widget() == m_details));
    if (on) {
        showWorkspace();
        m_stateBeforeLecture = windowState();
        QScreen *screen = QGuiApplication::primaryScreen();
        for (QScreen *s : QGuiApplication::screens()) {
            if (s->name() == m_settings.lectureScreen())
                screen = s;
        }
        if (windowHandle() && screen)
            windowHandle()->setScreen(screen);
        if (screen)
            setGeometry(screen->geometry());
        showFullScreen();
        m_view->fitWidth(); // a zoom picked before must not cut the diagram on the projector
        fitLecture(true);
    } else {
        setWindowState(m_stateBeforeLecture & ~Qt::WindowFullScreen);
        showNormal();
    }
    applyOptions();
}

void MainWindow::fitLecture(bool fresh)
{
    if (!m_lecture)
        return;
    // Text as large as the room needs, but the whole width of the diagram on the screen: the
    // lecturer must never scroll sideways. The scale only shrinks while a run grows (text that
    // changes size at every step would distract), and starts afresh with a new lab or trace.
    const DiagramOptions base = m_settings.diagramOptions(m_kind);
    // The diagram is as wide as its font and its widest texts make it (its lanes hold every call
    // text): the view's, at the font the view has now, scaled back to the settings' font. Where
    // rounding leaves it a little wider than the screen, the view shrinks it to the width.
    const DiagramRenderer *shown = m_view->renderer();
    const qreal natural = shown && m_view->options().fontPointSize > 0
        ? shown->size().width() * base.fontPointSize / m_view->options().fontPointSize
        : DiagramRenderer(Trace(), base).size().width();
    const int room = screen() ? screen()->geometry().width() : m_view->viewport()->width();
    const qreal fit = natural > 0 ? std::max(0.6, 0.94 * room / natural) : m_settings.lectureFontScale();
    const qreal scale = std::min(m_settings.lectureFontScale(), fit);
    if (fresh || scale < m_lectureScale - 0.01) {
        m_lectureScale = scale;
        applyOptions();
    }
}

void MainWindow::setBlanked(bool on)
{
    m_blank->setGeometry(rect());
    m_blank->setVisible(on);
    if (on)
        m_blank->raise();
}

bool MainWindow::isBlanked() const { return m_blank->isVisible(); }

// ---- scenarios --------------------------------------------------------------------------------

bool MainWindow::runScenario(const QString &idOrPath)
{
    Scenario scenario;
    QString error;
    if (!BuiltinScenarios::load(idOrPath, scenario, &error)) {
        showError(error);
        return false;
    }
    return runScenario(scenario);
}

bool MainWindow::runScenario(const Scenario &scenario)
{
    QString error;
    m_play->stop();
    action(u"play"_s)->setChecked(false);
    m_scenarioCaption.clear();
    m_path.clear();
    m_modified = false;
    m_shownPlaybackStep = 0;
    setTraceKind(Settings::TraceKind::Lab);
    if (!m_session->record(scenario, &error)) {
        labChanged();
        showError(tr("Cannot run \"%1\": %2").arg(scenario.title, error));
        return false;
    }
    showWorkspace();
    m_recordingTick->start();
    labChanged();
    updateCaption();
    setWindowTitle(windowTitleText());
    return true;
}

void MainWindow::toggleTakeOver()
{
    QString error;
    switch (m_session->mode()) {
    case Session::Mode::Playback:
        m_play->stop();
        action(u"play"_s)->setChecked(false);
        m_scenarioCaption.clear();
        if (!m_session->takeOver(&error)) {
            showError(tr("Cannot take over: %1").arg(error));
            return;
        }
        m_modified = true;
        break;
    case Session::Mode::Live:
    case Session::Mode::Replaying:
        if (!m_session->isTakenOver() || !m_session->recording())
            return;
        m_scenarioCaption.clear();
        m_session->backToRecording();
        break;
    case Session::Mode::Recording:
    case Session::Mode::Still:
        return;
    }
    labChanged();
    updateCaption();
}

void MainWindow::sessionModeChanged()
{
    const Session::Mode mode = m_session->mode();
    fitCaptionHeight();
    // A recording made with Qt's classes is shown, and taken over, in the Qt flavour (and BSD's in BSD);
    // while it is being recorded, the scenario's first call says which.
    if (mode == Session::Mode::Recording && m_session->scenario()) {
        for (const ScenarioStep &step : m_session->scenario()->steps) {
            const auto call = std::find_if(step.actions.begin(), step.actions.end(),
                [](const ScenarioAction &a) { return a.kind == ScenarioAction::Kind::Call; });
            if (call != step.actions.end()) {
                setFlavour(call->flavour);
                break;
            }
        }
    }
    if (mode == Session::Mode::Playback) {
        const Trace *t = trace();
        for (qsizetype i = 0; i < t->size(); ++i) {
            if (t->at(i).kind == EventKind::Call) {
                setFlavour(SocketCall::flavourOf(t->callRecord(t->at(i)).fn));
                break;
            }
        }
    }
    // Kernel timers count down only while kernels run; a recording is a still record of them.
    m_view->setLiveClock(mode == Session::Mode::Live);
    if (mode == Session::Mode::Recording)
        m_view->revealThrough(-1, false);
    if (mode == Session::Mode::Playback)
        showPlaybackStep(m_session->playbackStep(), false);
    const bool playback = mode == Session::Mode::Playback;
    const bool takenOver = m_session->isTakenOver();
    QAction *takeOver = action(u"takeOver"_s);
    takeOver->setEnabled(playback || takenOver);
    takeOver->setText(takenOver ? tr("Back to the &Recording") : tr("&Take Over Here"));
    takeOver->setStatusTip(takenOver ? tr("Leave the live kernels and show the recording again at the same step")
                                     : tr("Replay the steps so far on a fresh lab and go on live from here"));
    labChanged();
    updateTransport();
    updateCaption();
    setWindowTitle(windowTitleText());
}

int MainWindow::rowOfPlaybackStep(int step) const
{
    // Step k shows everything up to the last event of step k (of the steps before, when it made none).
    if (step <= 0 || !m_view->renderer())
        return -1;
    return m_view->renderer()->lastRowOfTraceStep(std::min<int>(step, int(trace()->steps().size())) - 1);
}

bool MainWindow::stepSendsSegments(int step) const
{
    const Trace *t = trace();
    if (step <= 0 || step > int(t->steps().size()))
        return false;
    for (qsizetype i = t->stepBegin(step - 1); i < t->stepEnd(step - 1); ++i) {
        if (t->at(i).kind == EventKind::Send)
            return true;
    }
    return false;
}

void MainWindow::showPlaybackStep(int step, bool animate)
{
    m_shownPlaybackStep = step;
    if (m_session->mode() != Session::Mode::Playback) {
        m_view->setQuestionFromRow(-1);
        return;
    }
    if (step <= 0)
        m_question = false;
    m_view->setQuestionFromRow(
        m_question && m_view->renderer() ? m_view->renderer()->firstRowOfTraceStep(step - 1) : -1);
    m_view->revealThrough(rowOfPlaybackStep(step), animate);
    showPanelsAsOf(step);
    updateCaption();
    updateTransport();
}

void MainWindow::saveAsScenario()
{
    if (recorder()->stepCount() == 0) {
        showError(tr("Nothing to save: make calls or deliver segments by hand first (since the lab started)."));
        return;
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Save as Scenario"), QString(), tr("Scenarios (*.json)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".json"_s;
    saveScenario(path);
}

bool MainWindow::saveScenario(const QString &path)
{
    const QString id = QFileInfo(path).completeBaseName();
    QString error;
    if (!ScenarioFile::saveTo(path, recorder()->scenario(id, id, tr("Recorded by hand in SynScope.")), &error)) {
        showError(error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %n step(s) as %1", nullptr, recorder()->stepCount()).arg(path), 8000);
    return true;
}

void MainWindow::openScenarioDialog()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open Scenario"), QString(), tr("Scenarios (*.json);;All files (*)"));
    if (!path.isEmpty())
        runScenario(path);
}

// ---- files ------------------------------------------------------------------------------------

void MainWindow::showError(const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 20000);
    if (m_caption)
        m_caption->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(message.toHtmlEscaped()));
}

bool MainWindow::openFile(const QString &path)
{
    // The first bytes decide between trace and capture; a FIFO or a device is refused, not waited on.
    TraceFile file;
    QString error;
    if (!file.open(path, &error)) {
        showError(tr("Cannot open: %1").arg(error));
        return false;
    }
    int stream = -1;
    if (file.isCapture()) {
        stream = chooseConversation(file);
        if (stream < 0)
            return false;
    }
    m_scenarioCaption.clear();
    const bool loaded = file.load(stream, *trace(), &error);
    m_session->showTrace();
    if (!loaded) {
        labChanged();
        showError(tr("Cannot open: %1").arg(error));
        return false;
    }
    m_path = path;
    m_modified = false;
    m_settings.addRecentFile(path);
    updateRecentMenu();
    setTraceKind(trace()->info().source == u"capture" ? Settings::TraceKind::Capture : Settings::TraceKind::Lab);
    fitLecture(true);
    labChanged();
    showWorkspace();
    if (m_session->mode() == Session::Mode::Playback)
        showPlaybackStep(0, false); // a saved recording plays from its start, as it did when recorded
    else
        m_view->goToEnd();
    updateCaption();
    // A capture shown in part: what was left out (one line per kind, with counts), or where it was cut.
    if (const QStringList notes = trace()->info().importNotes; !notes.isEmpty())
        statusBar()->showMessage(
            tr("%1: %2").arg(QFileInfo(file.name()).fileName(), notes.join(QStringLiteral("; "))), 60000);
    return true;
}

int MainWindow::chooseConversation(TraceFile &file)
{
    std::vector<Conversation> conversations;
    QString error;
    if (!file.conversations(conversations, &error)) {
        showError(tr("Cannot open: %1").arg(error));
        return -1;
    }
    if (conversations.empty()) {
        showError(tr("Cannot open %1: the capture holds no TCP connection").arg(file.name()));
        return -1;
    }
    if (conversations.size() == 1)
        return conversations.front().stream;
    return ConversationPicker::pick(std::move(conversations), QFileInfo(file.name()).fileName(), this);
}

void MainWindow::openDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Trace or Capture"), QString(),
        tr("Traces and captures (*.json *.pcap *.pcapng);;Traces (*.json);;Captures (*.pcap *.pcapng);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::saveTrace(const QString &path)
{
    // Checked to the last byte and fsync'ed before it replaces the old file (see AtomicFile).
    QString error;
    if (!AtomicFile::write(path, TraceJson::save(*trace()), &error)) {
        showError(tr("Cannot save: %1").arg(error));
        return false;
    }
    m_path = path;
    m_modified = false;
    m_settings.addRecentFile(path);
    updateRecentMenu();
    setWindowTitle(windowTitleText());
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    return true;
}

void MainWindow::save()
{
    if (m_path.isEmpty() || QFileInfo(m_path).suffix().toLower() != u"json")
        saveAs();
    else
        saveTrace(m_path);
}

void MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Trace"), m_path, tr("Traces (*.json)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".json"_s;
    saveTrace(path);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings.recentFiles();
    for (const QString &path : files) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (!QFileInfo::exists(path)) {
                m_settings.removeRecentFile(path);
                updateRecentMenu();
            }
            openFile(path);
        });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::copyImage()
{
    if (trace()->isEmpty()) {
        showError(tr("Nothing to copy: the diagram is empty."));
        return;
    }
    Export::Options options;
    options.diagram = m_view->options();
    // Twice the logical size: sharp on slides; the clipboard holds a bitmap, not vectors.
    options.scale = 2;
    QString error;
    if (!Export::copyImageToClipboard(*trace(), options, &error)) {
        showError(tr("Cannot copy the diagram: %1").arg(error));
        return;
    }
    statusBar()->showMessage(tr("Copied the diagram as an image"), 5000);
}

void MainWindow::exportDialog()
{
    if (trace()->isEmpty()) {
        showError(tr("Nothing to export yet: the trace is empty."));
        return;
    }
    ExportDialog dialog(*trace(), m_view->options(), this);
    if (!m_path.isEmpty())
        dialog.setPath(QFileInfo(m_path).path() + u'/' + QFileInfo(m_path).completeBaseName() + u".svg"_s);
    connect(&dialog, &ExportDialog::exported, this,
        [this](const QString &summary) { statusBar()->showMessage(summary, 10000); });
    dialog.exec();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        const QString suffix = QFileInfo(urls.first().toLocalFile()).suffix().toLower();
        if (suffix == u"json" || suffix == u"pcap" || suffix == u"pcapng")
            event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        openFile(urls.first().toLocalFile());
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_play->stop();
    QMainWindow::closeEvent(event);
}

QString MainWindow::windowTitleText() const
{
    if (m_session->scenario())
        return tr("%1 — SynScope").arg(m_session->scenario()->title);
    if (!m_path.isEmpty())
        return tr("%1 — SynScope").arg(QFileInfo(m_path).fileName());
    return tr("SynScope");
}

CallPanel *MainWindow::callPanel(Side side) const { return m_calls[int(side)]; }

QString MainWindow::captionText() const { return m_caption->text(); }

QString MainWindow::labStatusText() const { return m_labStatus->text(); }
