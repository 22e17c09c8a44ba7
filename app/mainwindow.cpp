// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "aboutdialog.h"
#include "diagram/diagramrenderer.h"
#include "diagram/diagramview.h"
#include "keysdialog.h"
#include "labpanels.h"
#include "lecturemode.h"
#include "legend.h"
#include "panels/detailspanel.h"
#include "panels/socketinspector.h"
#include "run/session.h"
#include "runpage.h"
#include "scenario/builtinscenarios.h"
#include "sessionfiles.h"
#include "startpage.h"
#include "theme.h"
#include "trace/trace.h"
#include "windowactions.h"
#if SYNSCOPE_HAVE_LAB
#include "guidedpanel.h"
#include "hostsettingsdialog.h"
#endif

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDropEvent>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

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
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new Session) // parented below, once the widgets that read it exist
{
    setAcceptDrops(true);
    const QSize room = screen() ? screen()->availableSize() * 0.92 : QSize(1600, 1000);
    resize(room.boundedTo(QSize(1700, 1100)));
    m_play = new QTimer(this);
    connect(m_play, &QTimer::timeout, this, &MainWindow::next);
    m_recordingTick = new QTimer(this);
    m_recordingTick->setInterval(100);
    connect(m_recordingTick, &QTimer::timeout, this, [this] { m_runPage->updateCaption(); });

    m_stack = new QStackedWidget(this);
    // In a scroll area: at a large text size on a small screen the page scrolls, it never makes the
    // window wider than the screen.
    m_startArea = new QScrollArea(m_stack);
    m_startArea->setFrameShape(QFrame::NoFrame);
    m_startArea->setWidgetResizable(true);
    m_startPage = new StartPage(m_startArea);
    m_startArea->setWidget(m_startPage);
    m_stack->addWidget(m_startArea);
    m_runPage = new RunPage(m_session, m_stack);
    m_stack->addWidget(m_runPage);
    setCentralWidget(m_stack);
    m_panels = new LabPanels(m_session, this);
#if SYNSCOPE_HAVE_LAB // a build without the lab has no guided mode (Lab → Guided… is off, saying so)
    // Guided mode's checklist shares the details' place (a tab beside them): at 1366×768 the
    // server's call buttons above keep their room. It stays in lecture mode, where the panels go.
    m_guided = new GuidedPanel(m_session->trace(), m_panels, this);
    m_guideDock = new QDockWidget(tr("Guide"), this);
    m_guideDock->setObjectName(u"guideDock"_s);
    m_guideDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    auto *guideArea = new QScrollArea(m_guideDock);
    guideArea->setWidgetResizable(true);
    guideArea->setFrameShape(QFrame::NoFrame);
    guideArea->setWidget(m_guided);
    m_guideDock->setWidget(guideArea);
    addDockWidget(Qt::RightDockWidgetArea, m_guideDock);
    for (QDockWidget *d : m_panels->docks()) {
        if (d->objectName() == u"detailsDock") tabifyDockWidget(d, m_guideDock);
    }
    m_guideDock->hide();
#endif
    m_actions = new WindowActions(this);
    m_actions->buildMenus(m_panels->docks());
    if (!Session::hasLiveLab()) m_actions->leaveOutLab(Session::noLabReason());
    buildStatusBar();
    m_files = new SessionFiles(m_session, this);
    m_lecture = new LectureMode(this);
    // The panels and the diagram read the session's trace and lab: as the window's last child,
    // the session is deleted after them.
    m_session->setParent(this);
    updateRecentMenu();
    connectParts();
    connectSession();
    // Space, the arrows and PageUp/PageDown step the lesson wherever the focus is: clickers send
    // these keys, and a focused button must not swallow Space.
    qApp->installEventFilter(this);

    applyOptions();
    m_session->setIpVersion(m_settings.ipVersion());
    startLab();
    showStartPage();
}

MainWindow::~MainWindow()
{
#if SYNSCOPE_HAVE_LAB
    // Before the session, a child made earlier, whose lab tells the dialog it stopped.
    delete m_hostSettings;
#endif
}

HostSettingsDialog *MainWindow::showHostSettings()
{
#if SYNSCOPE_HAVE_LAB
    if (!m_hostSettings) m_hostSettings = new HostSettingsDialog(m_session, this);
    m_hostSettings->refresh();
    m_hostSettings->show();
    m_hostSettings->raise();
    m_hostSettings->activateWindow();
    return m_hostSettings;
#else
    return nullptr; // no kernels to set (Lab → Host Settings… is off, saying so)
#endif
}

Trace *MainWindow::trace() const
{
    return m_session->trace();
}
Lab *MainWindow::lab() const
{
    return m_session->lab();
}
ScenarioRunner *MainWindow::runner() const
{
    return m_session->runner();
}

DiagramView *MainWindow::diagramView() const
{
    return m_runPage->view();
}
CallPanel *MainWindow::callPanel(Side side) const
{
    return m_panels->callPanel(side);
}
WirePanel *MainWindow::wirePanel() const
{
    return m_panels->wirePanel();
}
QAction *MainWindow::action(const QString &name) const
{
    return m_actions->action(name);
}

// ---- wiring -----------------------------------------------------------------------------------

void MainWindow::connectSession()
{
    connect(trace(), &Trace::eventsAppended, this, &MainWindow::traceChanged);
    connect(trace(), &Trace::cleared, this, &MainWindow::traceChanged);
    connect(m_session, &Session::labFailed, this, [this](const QString &message) {
        showError(message);
        labChanged();
    });
    connect(m_session, &Session::modeChanged, this, &MainWindow::sessionModeChanged);
    connect(m_session, &Session::playbackStepChanged, this,
            [this](int step) { showPlaybackStep(step, step == m_shownPlaybackStep + 1); });
    connect(m_session, &Session::unsavedWorkChanged, this, &QWidget::setWindowModified);
    connect(m_session, &Session::liveCaptionChanged, m_runPage, &RunPage::updateCaption);
    connect(m_session, &Session::recordingFinished, this, [this](bool ok, const QString &message) {
        m_recordingTick->stop();
        fitLecture(true);
        if (!ok) statusBar()->showMessage(tr("The recording stopped early: %1").arg(message), 20000);
        labChanged();
    });
    connect(m_session, &Session::expectationFailed, this, [this](int index, const QString &message) {
        statusBar()->showMessage(
            tr("Step %1: the kernels did not do what the scenario expects: %2").arg(index + 1).arg(message), 15000);
    });
    connect(m_session, &Session::takeOverFinished, this, [this](bool ok, const QString &message) {
        if (!ok)
            showError(message);
        else if (!message.isEmpty())
            statusBar()->showMessage(tr("The kernels answered differently from the recording: %1").arg(message), 30000);
        labChanged();
        m_runPage->updateCaption();
    });
    connect(m_session, &Session::liveStepStarted, this, [this] {
        diagramView()->goToEnd();
        m_runPage->updateCaption();
    });
    connect(m_session, &Session::liveFinished, this, [this](bool ok, const QString &message) {
        if (ok && !message.isEmpty()) statusBar()->showMessage(message, 10000);
        m_runPage->updateCaption();
    });
}

void MainWindow::connectParts()
{
    connect(m_startPage, &StartPage::scenarioChosen, this, [this](const QString &id) { runScenario(id); });
    connect(m_startPage, &StartPage::byHandChosen, this, &MainWindow::workByHand);
    connect(m_startPage, &StartPage::openChosen, m_files, &SessionFiles::openDialog);
    connect(m_startPage, &StartPage::openScenarioChosen, this, &MainWindow::openScenarioDialog);
    connect(diagramView(), &DiagramView::currentStepChanged, this, [this] {
        m_runPage->updateCaption();
        updateTransport();
    });
    connect(diagramView(), &DiagramView::eventSelected, m_panels->details(), &DetailsPanel::setEventIndex);
    connect(diagramView(), &DiagramView::eventSelected, m_panels->inspector(), &SocketInspector::setSelectedEvent);
    connect(m_panels, &LabPanels::calledByHand, this, &MainWindow::showWorkspace);
    // What waits on the wire for the user: its arrow pulses and the caption says how to move it on.
    connect(m_panels, &LabPanels::waitingChanged, this, [this](qsizetype send) {
        diagramView()->setPulse(send);
        m_runPage->setWaitingSend(send);
    });
    connect(m_panels, &LabPanels::notRecorded, this, [this](const QString &why) {
        statusBar()->showMessage(tr("Save What I Did as Scenario will leave this out: %1.").arg(why), 8000);
    });
    connect(m_actions, &WindowActions::scenarioChosen, this, [this](const QString &id) { runScenario(id); });
    connect(m_actions, &WindowActions::recentFileChosen, m_files, &SessionFiles::openRecent);
    connect(m_files, &SessionFiles::asking, this, [this] { action(u"play"_s)->setChecked(false); });
    connect(m_files, &SessionFiles::opened, this, [this] {
        applyOptions();
        fitLecture(true);
        labChanged();
        showWorkspace();
        if (m_session->mode() == Session::Mode::Playback)
            showPlaybackStep(0, false); // a saved recording plays from its start, as it did when recorded
        else
            diagramView()->goToEnd();
        m_runPage->updateCaption();
    });
    connect(m_files, &SessionFiles::saved, this, &MainWindow::updateWindowTitle);
    connect(m_files, &SessionFiles::recentFilesChanged, this, &MainWindow::updateRecentMenu);
    connect(m_files, &SessionFiles::failed, this, [this](const QString &message) {
        labChanged(); // an open that failed may have emptied the trace
        showError(message);
    });
    connect(m_files, &SessionFiles::told, statusBar(), &QStatusBar::showMessage);
    connect(m_actions, &WindowActions::speedChosen, this, [this](qreal factor) {
        m_settings.setAnimationSpeed(factor);
        applyOptions();
        if (m_play->isActive()) m_play->start(int(kPlayBeatMs / factor));
    });

    const auto on = [this](const char *name, auto slot) {
        connect(action(QString::fromLatin1(name)), &QAction::triggered, this, slot);
    };
    const auto toggled = [this](const char *name, auto slot) {
        connect(action(QString::fromLatin1(name)), &QAction::toggled, this, slot);
    };
    on("open", [this] { m_files->openDialog(); });
    on("save", [this] { m_files->save(); });
    on("saveAs", [this] { m_files->saveAs(); });
    on("export", [this] { m_files->exportDialog(diagramView()->options()); });
    on("copyImage", [this] { m_files->copyImage(diagramView()->options()); });
    on("quit", &QWidget::close);
    on("next", &MainWindow::next);
    on("back", &MainWindow::back);
    on("first", [this] {
        if (m_session->mode() == Session::Mode::Playback)
            m_session->setPlaybackStep(0);
        else
            diagramView()->goToStart();
    });
    on("last", [this] {
        if (m_session->mode() == Session::Mode::Playback)
            m_session->setPlaybackStep(m_session->stepCount());
        else
            diagramView()->goToEnd();
    });
    toggled("play", [this](bool on) {
        if (on)
            m_play->start(int(kPlayBeatMs / m_settings.animationSpeed()));
        else
            m_play->stop();
    });
    on("takeOver", &MainWindow::toggleTakeOver);
    on("restart", &MainWindow::restartLab);
    on("startPage", &MainWindow::showStartPage);
    on("byHand", &MainWindow::workByHand);
    on("guided", &MainWindow::chooseGuided);
#if SYNSCOPE_HAVE_LAB
    connect(m_guided, &GuidedPanel::startAgainRequested, this, &MainWindow::startGuided);
    connect(m_guided, &GuidedPanel::anotherGoalRequested, this, &MainWindow::chooseGuided);
    connect(m_guided, &GuidedPanel::stopped, m_guideDock, &QWidget::hide);
#endif
    on("zoomFit", [this] { diagramView()->zoomToFit(); });
    on("zoomReset", [this] { diagramView()->resetZoom(); });
    toggled("lecture", &MainWindow::setLectureMode);
    on("leaveLecture", [this] { setLectureMode(false); });
    toggled("blank", [this](bool on) { m_lecture->setBlanked(on); });
    toggled("predict", [this](bool on) {
        if (!on) m_session->answer();
    });
    // A view option is a setting: stored, then the diagram drawn with it.
    const auto option = [&toggled, this](const char *name, void (Settings::*set)(bool)) {
        toggled(name, [this, set](bool on) {
            (m_settings.*set)(on);
            applyOptions();
        });
    };
    option("detail", &Settings::setShowDetail);
    option("everyRetransmission", &Settings::setShowEveryRetransmission);
    option("windowAlways", &Settings::setShowWindowAlways);
    option("reducedMotion", &Settings::setReducedMotion);
    toggled("byTime", [this](bool on) {
        m_settings.setLayoutMode(traceKind(), on ? LayoutMode::ByTime : LayoutMode::ByStep);
        applyOptions();
    });
    toggled("dark", [this](bool on) {
        m_settings.setTheme(on ? DiagramTheme::Dark : DiagramTheme::Light);
        applyOptions();
    });
    on("fontLarger", [this] {
        m_settings.setFontPointSize(m_settings.fontPointSize() + 1);
        applyOptions();
    });
    on("fontSmaller", [this] {
        m_settings.setFontPointSize(m_settings.fontPointSize() - 1);
        applyOptions();
    });
    connect(m_actions->numbers(), &QActionGroup::triggered, this, [this](QAction *a) {
        m_settings.setNumberStyle(NumberStyle(a->data().toInt()));
        applyOptions();
    });
    on("flavourBsd", [this] { chooseFlavour(Flavour::Bsd); });
    on("flavourQt", [this] { chooseFlavour(Flavour::Qt); });
    on("ipv4", [this] { chooseIpVersion(4); });
    on("ipv6", [this] { chooseIpVersion(6); });
    on("openScenario", &MainWindow::openScenarioDialog);
    on("saveScenario", [this] { m_files->saveScenarioDialog(); });
    on("runAll", [this] {
        if (m_session->mode() == Session::Mode::Playback)
            m_session->setPlaybackStep(m_session->stepCount());
        else
            m_session->runScenarioToEnd();
    });
    on("legend", [this] { LegendDialog(this).exec(); });
    on("keys", [this] { KeysDialog(this).exec(); });
    on("about", [this] { AboutDialog(lab(), this).exec(); });
    on("hostSettings", [this] { showHostSettings(); });
}

void MainWindow::buildStatusBar()
{
    m_labStatus = new QLabel(this);
    m_labStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long state (a German one, a lab's reason to be off) must not widen the window past the
    // screen: the label takes the room there is, and its tooltip says it all.
    m_labStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_stepStatus = new QLabel(this);
    m_flavourStatus = new QLabel(this);
    m_numbersStatus = new QLabel(this);
    statusBar()->addWidget(m_labStatus, 1);
    statusBar()->addPermanentWidget(m_stepStatus);
    statusBar()->addPermanentWidget(m_flavourStatus);
    statusBar()->addPermanentWidget(m_numbersStatus);
}

// ---- closing ----------------------------------------------------------------------------------

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->settleUnsavedWork()) {
        event->ignore();
        return;
    }
    m_play->stop();
    QMainWindow::closeEvent(event);
}

// ---- the lab ----------------------------------------------------------------------------------

void MainWindow::startLab()
{
    m_session->startLab();
    applyOptions();
    fitLecture(true);
    labChanged();
    m_runPage->updateCaption();
}

void MainWindow::restartLab()
{
    if (!m_files->settleUnsavedWork()) return;
    startLab();
    if (m_session->isLabReady())
        m_runPage->setCaptionText(tr("A fresh lab: two new kernels, no sockets. Make a call on either side to begin."));
}

void MainWindow::labChanged()
{
    // A fresh lab after taking over stays Live, yet there is no recording to go back to now.
    m_actions->showTakeOver(m_session->mode() == Session::Mode::Playback, m_session->isTakenOver());
    m_panels->update(m_lecture->isOn());
    setFlavour(m_settings.flavour());
    if (m_session->mode() == Session::Mode::Playback) m_panels->showAsOf(m_session->playbackStep());
    const QString state = m_session->stateText();
    m_labStatus->setText(state);
    m_labStatus->setToolTip(state);
    m_startPage->showLabState(*m_session);
    updateWindowTitle();
}

void MainWindow::setFlavour(Flavour flavour)
{
    m_settings.setFlavour(flavour);
#if SYNSCOPE_HAVE_LAB
    if (flavour == Flavour::Qt) m_guided->stop(); // the goals are written in BSD calls
#endif
    m_panels->setFlavour(flavour);
    action(flavour == Flavour::Qt ? u"flavourQt"_s : u"flavourBsd"_s)->setChecked(true);
    m_flavourStatus->setText(flavour == Flavour::Qt ? tr("Qt flavour") : tr("BSD sockets"));
}

void MainWindow::chooseFlavour(Flavour flavour)
{
    if (flavour == m_settings.flavour()) return;
    // Each panel lists the sockets its flavour's program made: a lab already used starts afresh, so
    // no socket is left open that the panels no longer show.
    const bool used = m_session->mode() == Session::Mode::Live && m_session->isLabReady() && !trace()->isEmpty();
    if (used && !m_files->settleUnsavedWork()) {
        setFlavour(m_settings.flavour()); // the menu and the toolbar show the flavour kept
        return;
    }
    setFlavour(flavour);
    if (used) startLab();
}

void MainWindow::chooseIpVersion(int version, bool remember)
{
    const auto show = [this](int v) { action(v == 6 ? u"ipv6"_s : u"ipv4"_s)->setChecked(true); };
    if (version == m_session->ipVersion()) {
        show(version);
        return;
    }
    // The hosts' addresses are the lab's: a live lab starts afresh over the other version (a
    // recording played back keeps its own; a scenario run next uses the new one).
    const bool live = m_session->mode() == Session::Mode::Live && m_session->isLabReady();
    if (live && !trace()->isEmpty() && !m_files->settleUnsavedWork()) {
        show(m_session->ipVersion());
        return;
    }
    m_session->setIpVersion(version);
    if (remember) m_settings.setIpVersion(version);
    show(version);
    if (live) startLab();
    labChanged();
}

// ---- options ----------------------------------------------------------------------------------

Settings::TraceKind MainWindow::traceKind() const
{
    // A capture reads best by time, a lab run by step: each kind keeps its own layout setting.
    return m_session->showsCapture() ? Settings::TraceKind::Capture : Settings::TraceKind::Lab;
}

void MainWindow::applyOptions()
{
    DiagramOptions o = m_settings.diagramOptions(traceKind());
    // The one text size: the panels, the start page and the caption scale as the diagram's text does
    // (its default size is their application font's).
    QFont text = QApplication::font();
    text.setPointSizeF(text.pointSizeF() * m_settings.fontPointSize() / DiagramOptions().fontPointSize);
    for (QDockWidget *d : m_panels->docks())
        d->setFont(text);
    // The checklist is read from the back of the room in lecture mode, as the control strip is.
    QFont guide = text;
    if (m_lecture->isOn()) guide.setPointSizeF(text.pointSizeF() * 1.3);
    if (m_guideDock) m_guideDock->setFont(guide); // none without the lab
    m_startPage->setFont(text);
    m_runPage->setFont(text);
    if (m_lecture->isOn()) o.fontPointSize *= m_lecture->textScale();
    Theme::apply(o.theme);
    m_runPage->setOptions(o, m_lecture->isOn());
    // Rows differ by layout: the playback step stays the one shown.
    if (m_session->mode() == Session::Mode::Playback)
        showPlaybackStep(m_session->playbackStep(), false);
    else if (m_session->mode() == Session::Mode::Recording)
        diagramView()->revealThrough(-1, false);
    {
        const QSignalBlocker block(action(u"byTime"_s));
        action(u"byTime"_s)->setChecked(o.layout == LayoutMode::ByTime);
    }
    m_numbersStatus->setText(tr("numbers: %1").arg(WindowActions::numberStyleText(o.numbers)));
    m_panels->setNumberStyle(o.numbers);
    m_startPage->showLabState(*m_session); // its colours follow the theme
    m_runPage->updateCaption();
}

// ---- the trace, the caption and the transport -------------------------------------------------

void MainWindow::traceChanged()
{
    fitLecture(false);
    if (isStartPageShown() && trace()->size() > 0 && m_session->isLabReady()) showWorkspace();
    m_runPage->updateCaption();
    updateTransport();
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
    const DiagramView *view = diagramView();
    const int count = view->stepCount();
    const int step = view->currentStep();
    m_stepStatus->setText(count > 0 ? tr("step %1 of %2").arg(step + 1).arg(count) : QString());
    action(u"back"_s)->setEnabled(step > 0);
    action(u"first"_s)->setEnabled(step > 0);
    action(u"last"_s)->setEnabled(!view->isAtLiveEnd());
}

void MainWindow::next()
{
    // On the start page Space runs the scenario selected there, as Return and Run do.
    if (isStartPageShown() && !m_lecture->isOn()) {
        if (!m_startPage->runSelected()) showWorkspace();
        return;
    }
    switch (m_session->mode()) {
    case Session::Mode::Recording:
    case Session::Mode::Replaying:
        statusBar()->showMessage(tr("The kernels are still recording; the first step shows in a moment."), 4000);
        return;
    case Session::Mode::Playback:
        // A question asked at the step shown is answered first: the same step, now with its labels.
        if (m_session->isAsking()) {
            m_session->answer();
            return;
        }
        if (m_session->playbackStep() >= m_session->stepCount()) {
            action(u"play"_s)->setChecked(false);
            statusBar()->showMessage(
                Session::hasLiveLab() ? tr("The scenario is at its end (step %1 of %1). T takes over on live kernels.")
                                            .arg(m_session->stepCount())
                                      : tr("The scenario is at its end (step %1 of %1).").arg(m_session->stepCount()),
                8000);
            return;
        }
        m_session->setPlaybackStep(m_session->playbackStep() + 1, action(u"predict"_s)->isChecked());
        return;
    case Session::Mode::Still:
    case Session::Mode::Live:
        break;
    }
    if (!diagramView()->isAtLiveEnd()) {
        diagramView()->stepForward();
        return;
    }
    if (m_session->isScenarioRunning()) {
        // A step still waiting for the kernels: the key press is not lost, it waits too.
        m_session->stepScenario();
        return;
    }
    if (m_panels->deliverNext()) return;
    // A key that does nothing says why, and what would do something.
    if (m_session->mode() == Session::Mode::Live && m_session->isLabReady())
        statusBar()->showMessage(tr("Nothing to step: no segment is held on the wire. Make a call on either side, or "
                                    "choose a scenario."),
                                 8000);
    else if (Session::hasLiveLab())
        statusBar()->showMessage(
            tr("Nothing to step: this is the last step. Choose a scenario, or Lab → Work by Hand."), 8000);
    else
        statusBar()->showMessage(tr("Nothing to step: this is the last step. Choose a scenario."), 8000);
}

void MainWindow::back()
{
    if (m_session->mode() == Session::Mode::Playback)
        m_session->setPlaybackStep(m_session->playbackStep() - 1);
    else
        diagramView()->stepBack();
}

// ---- scenarios and playback -------------------------------------------------------------------

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
    if (!m_files->settleUnsavedWork()) return false;
    QString error;
    action(u"play"_s)->setChecked(false);
    m_shownPlaybackStep = 0;
    const bool recording = m_session->record(scenario, &error);
    applyOptions();
    if (!recording) {
        // No lab here: a built-in scenario still plays, from the recording that came with SynScope.
        const std::optional<Scenario> builtin = BuiltinScenarios::find(scenario.id);
        QString bundledError;
        if (builtin && ScenarioFile::save(*builtin) == ScenarioFile::save(scenario)
            && m_session->playBundledRecording(scenario.id, &bundledError)) {
            applyOptions();
            showWorkspace();
            labChanged();
            m_runPage->updateCaption();
            return true;
        }
        labChanged();
        showError(tr("Cannot run \"%1\": %2").arg(scenario.title, error));
        return false;
    }
    showWorkspace();
    m_recordingTick->start();
    labChanged();
    m_runPage->updateCaption();
    return true;
}

void MainWindow::toggleTakeOver()
{
    QString error;
    switch (m_session->mode()) {
    case Session::Mode::Playback:
        action(u"play"_s)->setChecked(false);
        if (!m_session->takeOver(&error)) {
            showError(tr("Cannot take over: %1").arg(error));
            return;
        }
        break;
    case Session::Mode::Live:
    case Session::Mode::Replaying:
        // What was done by hand on the live kernels goes with them.
        if (!m_session->isTakenOver() || !m_session->recording() || !m_files->settleUnsavedWork()) return;
        m_session->backToRecording();
        break;
    case Session::Mode::Recording:
    case Session::Mode::Still:
        return;
    }
    labChanged();
    m_runPage->updateCaption();
}

void MainWindow::sessionModeChanged()
{
    const Session::Mode mode = m_session->mode();
    m_runPage->fitCaptionHeight();
    // A scenario recorded or played, a file opened: no longer the student's lab to guide.
#if SYNSCOPE_HAVE_LAB
    if (mode != Session::Mode::Live) m_guided->stop();
#endif
    // A recording made with Qt's classes is shown, and taken over, in the Qt flavour (and BSD's in
    // BSD); while it is being recorded, the scenario's first call says which.
    if (const std::optional<Flavour> flavour = m_session->flavour()) setFlavour(*flavour);
    // Kernel timers count down only while kernels run; a recording is a still record of them.
    diagramView()->setLiveClock(mode == Session::Mode::Live);
    if (mode == Session::Mode::Recording) diagramView()->revealThrough(-1, false);
    if (mode == Session::Mode::Playback) showPlaybackStep(m_session->playbackStep(), false);
    labChanged();
    updateTransport();
    m_runPage->updateCaption();
}

void MainWindow::showPlaybackStep(int step, bool animate)
{
    m_shownPlaybackStep = step;
    if (m_session->mode() != Session::Mode::Playback) {
        diagramView()->setQuestionFromRow(-1);
        return;
    }
    m_runPage->revealPlaybackStep(step, animate);
    m_panels->showAsOf(step);
    updateTransport();
}

bool MainWindow::saveScenario(const QString &path)
{
    return m_files->saveScenario(path);
}

void MainWindow::openScenarioDialog()
{
    if (const QString path = m_files->scenarioFileDialog(); !path.isEmpty()) runScenario(path);
}

// ---- files ------------------------------------------------------------------------------------

void MainWindow::showError(const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 20000);
    m_runPage->setCaptionText(QStringLiteral("<span style='color:%1'>%2</span>")
                                  .arg(DiagramRenderer::errorColorForApplication().name(), message.toHtmlEscaped()));
}

bool MainWindow::openFile(const QString &path)
{
    return m_files->open(path);
}

bool MainWindow::saveTrace(const QString &path)
{
    return m_files->saveTrace(path);
}

void MainWindow::updateRecentMenu()
{
    m_actions->setRecentFiles(m_files->recentFiles());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!SessionFiles::droppedFile(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (const QString path = SessionFiles::droppedFile(event->mimeData()); !path.isEmpty()) {
        event->acceptProposedAction();
        openFile(path);
    }
}

void MainWindow::updateWindowTitle()
{
    // [*]: Qt shows a mark there while by-hand work is unsaved (setWindowModified).
    const std::optional<Scenario> &scenario = m_session->scenario();
    const QString path = m_session->path();
    if (scenario)
        setWindowTitle(tr("%1[*] — SynScope").arg(scenario->title));
    else if (!path.isEmpty())
        setWindowTitle(tr("%1[*] — SynScope").arg(QFileInfo(path).fileName()));
    else
        setWindowTitle(tr("SynScope[*]"));
    setWindowModified(m_session->hasUnsavedWork());
}

QString MainWindow::captionText() const
{
    return m_runPage->captionText();
}

QString MainWindow::labStatusText() const
{
    return m_labStatus->text();
}

// ---- pages, lecture mode and keys -------------------------------------------------------------

void MainWindow::showWorkspace()
{
    m_stack->setCurrentWidget(m_runPage);
}

void MainWindow::showStartPage()
{
    if (m_lecture->isOn()) return;
    m_stack->setCurrentWidget(m_startArea);
    m_startPage->focusList(); // the arrow keys pick a scenario, Space or Return runs it
}

void MainWindow::workByHand()
{
    // By hand means live kernels the user acts on: after a scenario, a capture or a saved trace,
    // a fresh lab (asking first when by-hand work would be lost).
    const bool byHandAlready = m_session->mode() == Session::Mode::Live && m_session->isLabReady()
        && !m_session->scenario() && !m_session->isTakenOver();
    if (!byHandAlready) {
        if (!m_files->settleUnsavedWork()) return;
        startLab();
    }
    showWorkspace();
}

void MainWindow::chooseGuided()
{
#if SYNSCOPE_HAVE_LAB
    if (const std::optional<GuidedGoal::Kind> kind = GuidedPanel::chooseGoal(this)) startGuided(*kind);
#endif
}

bool MainWindow::startGuided(GuidedGoal::Kind kind)
{
#if !SYNSCOPE_HAVE_LAB
    Q_UNUSED(kind);
    return false; // no kernels to guide on
#else
    if (!m_files->settleUnsavedWork()) return false;
    setFlavour(Flavour::Bsd);
    startLab();
    if (!m_session->isLabReady()) {
        showError(tr("Guided mode needs the lab, which cannot run here: %1").arg(m_session->labProblem()));
        return false;
    }
    showWorkspace();
    // Not the start page's list, hidden now: it would take the call keys' letters for its search.
    diagramView()->setFocus();
    m_guided->start(kind);
    m_guideDock->show();
    m_guideDock->raise();
    m_runPage->setCaptionText(
        tr("A fresh lab for the goal \"%1\": the framed button makes the next step.").arg(GuidedGoal::title(kind)));
    return true;
#endif
}

bool MainWindow::isStartPageShown() const
{
    return m_stack->currentWidget() == m_startArea;
}

void MainWindow::setLectureMode(bool on)
{
    if (on == m_lecture->isOn()) return;
    {
        const QSignalBlocker block(action(u"lecture"_s));
        action(u"lecture"_s)->setChecked(on);
    }
    action(u"leaveLecture"_s)->setEnabled(on);
    action(u"blank"_s)->setEnabled(on);
    if (!on) action(u"blank"_s)->setChecked(false);
    if (on) showWorkspace();
    m_lecture->setOn(on);
    m_panels->setLectureMode(on);
    if (on) {
        diagramView()->fitWidth(); // a zoom picked before must not cut the diagram on the projector
        fitLecture(true);
    }
    applyOptions();
}

void MainWindow::fitLecture(bool fresh)
{
    if (!m_lecture->isOn()) return;
    // The diagram is as wide as its font and its widest texts make it (its lanes hold every call
    // text): the view's, at the font the view has now, scaled back to the settings' font. Where
    // rounding leaves it a little wider than the screen, the view shrinks it to the width.
    const DiagramOptions base = m_settings.diagramOptions(traceKind());
    const DiagramView *view = diagramView();
    const DiagramRenderer *shown = view->renderer();
    const qreal natural = shown && view->options().fontPointSize > 0
        ? shown->size().width() * base.fontPointSize / view->options().fontPointSize
        : DiagramRenderer(Trace(), base).size().width();
    if (m_lecture->fit(natural, fresh)) applyOptions();
}

bool MainWindow::isLectureMode() const
{
    return m_lecture->isOn();
}

bool MainWindow::isBlanked() const
{
    return m_lecture->isBlanked();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // A focused push button reacts to Space on key press and release unless the shortcut system
    // takes the key first: make sure it does, so Space is "next" wherever the focus is.
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress
        || event->type() == QEvent::KeyRelease) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier && isActiveWindow()
            && !isTextInput(watched) && qobject_cast<QWidget *>(watched)
            && static_cast<QWidget *>(watched)->window() == this) {
            if (event->type() == QEvent::KeyPress && !key->isAutoRepeat()) next();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}
