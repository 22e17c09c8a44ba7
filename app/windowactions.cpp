// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowactions.h"

#include "scenario/builtinscenarios.h"

#include <QActionGroup>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QToolBar>

using namespace Qt::StringLiterals;

QString WindowActions::numberStyleText(NumberStyle style)
{
    switch (style) {
    case NumberStyle::Symbolic:
        return tr("symbolic");
    case NumberStyle::Relative:
        return tr("relative");
    case NumberStyle::Absolute:
        return tr("absolute");
    }
    return {};
}

WindowActions::WindowActions(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    // File
    make(u"open"_s, tr("&Open…"), tr("Open a saved trace (.json) or a capture (.pcap, .pcapng)"), {QKeySequence::Open});
    make(u"save"_s, tr("&Save"), tr("Save the trace as JSON"), {QKeySequence::Save});
    make(u"saveAs"_s, tr("Save &As…"), tr("Save the trace as JSON under a new name"), {QKeySequence::SaveAs});
    make(u"export"_s, tr("&Export…"),
         tr("The diagram as PNG, SVG or PDF (slides, slide builds, handouts), the capture as pcap, the trace as JSON, "
            "or the sequence as Mermaid, PlantUML or text"),
         {QKeySequence(Qt::CTRL | Qt::Key_E)});
    make(u"copyImage"_s, tr("&Copy Image"), tr("Copy the diagram to the clipboard as an image"),
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)});
    make(u"quit"_s, tr("&Quit"), tr("Close SynScope"), {QKeySequence::Quit});

    // Go. Next and Back answer wherever the focus is: a clicker sends these keys.
    make(u"next"_s, tr("&Next"),
         tr("One step forward; at the live end the next scenario step, or deliver the oldest segment in flight"),
         {Qt::Key_Space, Qt::Key_Right, Qt::Key_PageDown})
        ->setShortcutContext(Qt::ApplicationShortcut);
    make(u"back"_s, tr("&Back"), tr("One step back (only the view moves; the kernels run on)"),
         {Qt::Key_Left, Qt::Key_PageUp})
        ->setShortcutContext(Qt::ApplicationShortcut);
    make(u"first"_s, tr("&Start"), tr("Go to the first step"), {Qt::Key_Home});
    make(u"last"_s, tr("&End"), tr("Go to the last step"), {Qt::Key_End});
    makeToggle(u"play"_s, tr("&Play"), tr("Step on by itself, one step per beat"), false,
               {QKeySequence(Qt::SHIFT | Qt::Key_P)});
    make(u"takeOver"_s, tr("&Take Over Here"), tr("Replay the steps so far on a fresh lab and go on live from here"),
         {QKeySequence(Qt::Key_T)})
        ->setEnabled(false);
    make(u"restart"_s, tr("&Restart with a Fresh Lab"), tr("Close every socket and start two new kernels"),
         {QKeySequence(Qt::CTRL | Qt::Key_R)});
    make(u"startPage"_s, tr("Start &Page"), tr("Show the list of scenarios"));
    make(u"guided"_s, tr("&Guided…"),
         tr("Pick a goal — open a connection, close it, make connect() fail, send data — and follow a checklist "
            "that frames the button to press next and says what the kernel will do"),
         {QKeySequence(Qt::CTRL | Qt::Key_G)});
    make(u"hostSettings"_s, tr("Host &Settings…"),
         tr("SACK, timestamps, window scaling, ECN and the other TCP settings of each host, for the next connection"));
    make(u"byHand"_s, tr("Work by &Hand"),
         tr("Make the socket calls yourself and deliver each segment, on live kernels (after a scenario or a file: "
            "a fresh lab)"),
         {QKeySequence(Qt::CTRL | Qt::Key_H)});

    // View
    // One text size for the whole window: the diagram, its caption and the panels grow together.
    make(u"fontLarger"_s, tr("&Larger Text"), tr("Larger text in the diagram, its caption and the panels"),
         {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Plus)});
    make(u"fontSmaller"_s, tr("&Smaller Text"), tr("Smaller text in the diagram, its caption and the panels"),
         {QKeySequence::ZoomOut, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Minus)});
    // The diagram's picture alone (Ctrl+wheel zooms it too): the whole of it, or at its own size.
    make(u"zoomFit"_s, tr("&Fit the Whole Diagram in View"), tr("Shrink the diagram's picture until all of it shows"),
         {QKeySequence(Qt::CTRL | Qt::Key_9)});
    make(u"zoomReset"_s, tr("Diagram at &Actual Size"), tr("Show the diagram's picture at 100%"),
         {QKeySequence(Qt::CTRL | Qt::Key_0)});
    makeToggle(u"lecture"_s, tr("&Lecture Mode"), tr("Full screen: only the diagram and the caption, large"), false,
               {QKeySequence(Qt::Key_F5)});
    make(u"leaveLecture"_s, tr("Leave Lecture Mode"), tr("Back to the window"), {QKeySequence(Qt::Key_Escape)})
        ->setEnabled(false);
    makeToggle(u"blank"_s, tr("&Blank Screen"), tr("Lecture mode: black screen until B again"), false,
               {QKeySequence(Qt::Key_B)})
        ->setEnabled(false);
    makeToggle(u"detail"_s, tr("Segment &Detail"), tr("Window, options and payload under each label"),
               m_settings.showDetail(), {QKeySequence(Qt::CTRL | Qt::Key_D)});
    makeToggle(u"predict"_s, tr("&Predict Mode"),
               tr("Each step's segments first appear without labels, so the room can say what the kernel sends; Space "
                  "reveals them"),
               false, {QKeySequence(Qt::Key_P)});
    makeToggle(
        u"everyRetransmission"_s, tr("Show &Every Retransmission"),
        tr("An arrow for every copy a kernel resent; off, a segment resent while held or lost is one arrow with a "
           "count (lab runs; a capture always shows each)"),
        m_settings.showEveryRetransmission());
    makeToggle(
        u"windowAlways"_s, tr("Show &Window in Every Label"),
        tr("Every segment's label says the receive window it advertises (\"ACK K+1, win 502\"); off, only a zero "
           "window, its reopening and window probes say it"),
        m_settings.showWindowAlways());
    makeToggle(u"byTime"_s, tr("Layout by &Time"), tr("Rows at real time instead of evenly spaced steps"), false,
               {QKeySequence(Qt::CTRL | Qt::Key_T)});
    makeToggle(u"dark"_s, tr("Dar&k Theme"), tr("Light text on dark; the light theme suits projectors"),
               m_settings.theme() == DiagramTheme::Dark, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)});
    makeToggle(u"reducedMotion"_s, tr("&Reduced Motion"), tr("No travelling markers or fades"),
               m_settings.reducedMotion());
    m_numbers = new QActionGroup(this);
    const std::pair<NumberStyle, QString> styles[] = {{NumberStyle::Symbolic, tr("&Symbolic (SYN J, ACK J+1)")},
                                                      {NumberStyle::Relative, tr("&Relative (seq 0, ack 1)")},
                                                      {NumberStyle::Absolute, tr("&Absolute (the real numbers)")}};
    int key = Qt::Key_1;
    for (const auto &[style, text] : styles) {
        QAction *a = makeToggle(u"numbers"_s + numberStyleName(style), text,
                                tr("Write sequence numbers %1").arg(numberStyleText(style)),
                                m_settings.numberStyle() == style, {QKeySequence(Qt::ALT | Qt::Key(key++))});
        a->setData(int(style));
        m_numbers->addAction(a);
    }

    // Lab
    m_flavours = new QActionGroup(this);
    m_flavours->addAction(makeToggle(
        u"flavourBsd"_s, tr("&BSD Sockets"),
        tr("The calls of the textbook: socket, bind, listen, connect, accept… (a lab already used starts afresh)"),
        m_settings.flavour() != Flavour::Qt));
    m_flavours->addAction(
        makeToggle(u"flavourQt"_s, tr("&Qt (QTcpServer, QTcpSocket)"),
                   tr("Qt's own calls and signals on the same kernels (a lab already used starts afresh)"),
                   m_settings.flavour() == Flavour::Qt));
    m_ipVersions = new QActionGroup(this);
    m_ipVersions->addAction(makeToggle(u"ipv4"_s, tr("IPv&4 (10.0.0.1 and 10.0.0.2)"),
                                       tr("The two hosts talk IPv4 (a lab already used starts afresh)"),
                                       m_settings.ipVersion() != 6));
    m_ipVersions->addAction(makeToggle(
        u"ipv6"_s, tr("IPv&6 (fd00::1 and fd00::2)"),
        tr("The two hosts talk IPv6, and scenarios run over it unless they name their own version (a lab already "
           "used starts afresh)"),
        m_settings.ipVersion() == 6));

    // Scenarios
    make(u"openScenario"_s, tr("&Open Scenario File…"), tr("Run a scenario file of your own"));
    make(u"saveScenario"_s, tr("&Save What I Did as Scenario…"),
         tr("Write the calls and wire actions made by hand since the lab started as a scenario file to replay"));
    make(u"runAll"_s, tr("&Run to the End"), tr("Run the remaining steps of the scenario without stopping"),
         {QKeySequence(Qt::CTRL | Qt::Key_Return)});

    // Help
    make(u"legend"_s, tr("How to Read the &Diagram"), tr("What boxes, arrows, heads, marks and bars mean"),
         {QKeySequence(Qt::Key_F1)});
    make(u"keys"_s, tr("&Keys"), tr("Every key the window answers to"));
    make(u"about"_s, tr("&About SynScope"), tr("Version, Qt, the lab's kernel and the licence"));
}

QAction *WindowActions::make(const QString &name, const QString &text, const QString &tip, QList<QKeySequence> keys)
{
    auto *a = new QAction(text, this);
    a->setObjectName(name);
    // A standard key the platform does not bind (Quit has none on Windows) is no key at all.
    keys.removeAll(QKeySequence());
    a->setShortcuts(keys);
    a->setToolTip(keys.isEmpty() ? tip
                                 : tip + QStringLiteral(" (%1)").arg(keys.first().toString(QKeySequence::NativeText)));
    a->setStatusTip(tip);
    // Added to the window as well as to a menu: shortcuts keep working in lecture mode, where the
    // menu bar is hidden.
    m_window->addAction(a);
    m_actions.insert(name, a);
    return a;
}

QAction *WindowActions::makeToggle(const QString &name, const QString &text, const QString &tip, bool on,
                                   QList<QKeySequence> keys)
{
    QAction *a = make(name, text, tip, std::move(keys));
    a->setCheckable(true);
    a->setChecked(on);
    return a;
}

QAction *WindowActions::action(const QString &name) const
{
    return m_actions.value(name);
}

void WindowActions::add(QMenu *menu, std::initializer_list<const char *> names) const
{
    for (const char *name : names)
        menu->addAction(action(QString::fromLatin1(name)));
}

void WindowActions::buildMenus(const QList<QDockWidget *> &docks)
{
    QMenuBar *bar = m_window->menuBar();
    QMenu *file = bar->addMenu(tr("&File"));
    add(file, {"open"});
    m_recent = file->addMenu(tr("Open &Recent"));
    add(file, {"save", "saveAs"});
    file->addSeparator();
    add(file, {"export", "copyImage"});
    file->addSeparator();
    add(file, {"quit"});

    QMenu *go = bar->addMenu(tr("&Go"));
    add(go, {"first", "back", "next", "last", "play"});
    go->addSeparator();
    add(go, {"startPage"});

    QMenu *view = bar->addMenu(tr("&View"));
    view->addMenu(tr("&Numbers"))->addActions(m_numbers->actions());
    add(view, {"detail", "everyRetransmission", "windowAlways", "predict", "byTime", "dark", "reducedMotion"});
    view->addSeparator();
    add(view, {"fontLarger", "fontSmaller"});
    QMenu *speed = view->addMenu(tr("&Animation Speed"));
    speed->setToolTipsVisible(true);
    auto *speeds = new QActionGroup(speed);
    for (const qreal factor : {0.5, 1.0, 2.0, 4.0}) {
        QAction *a = speed->addAction(tr("%1×").arg(factor));
        a->setToolTip(tr("Animations and play mode at %1 times the normal speed").arg(factor));
        a->setCheckable(true);
        a->setChecked(qFuzzyCompare(m_settings.animationSpeed(), factor));
        speeds->addAction(a);
        connect(a, &QAction::triggered, this, [this, factor] { emit speedChosen(factor); });
    }
    view->addSeparator();
    add(view, {"zoomFit", "zoomReset"});
    view->addSeparator();
    add(view, {"lecture", "blank"});
    // The screens are listed when the menu opens: a projector may have been plugged in since.
    QMenu *screens = view->addMenu(tr("Lecture &Screen"));
    connect(screens, &QMenu::aboutToShow, this, [this, screens] {
        screens->clear();
        auto *group = new QActionGroup(screens);
        const QString chosen = m_settings.lectureScreen();
        for (QScreen *screen : QGuiApplication::screens()) {
            QAction *a = screens->addAction(QStringLiteral("%1 (%2×%3)")
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
    for (QDockWidget *d : docks)
        view->addAction(d->toggleViewAction());

    QMenu *lab = bar->addMenu(tr("&Lab"));
    lab->setToolTipsVisible(true); // a build without the lab says so on each
    add(lab, {"byHand", "guided", "restart", "takeOver", "hostSettings"});
    // The flavour starts a used lab afresh: here, with the lab's commands, not among the view's
    // harmless toggles.
    lab->addSection(tr("Calls Made With"));
    lab->addActions(m_flavours->actions());
    lab->addSection(tr("Hosts Talk"));
    lab->addActions(m_ipVersions->actions());

    QMenu *scenarios = bar->addMenu(tr("&Scenarios"));
    for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list()) {
        QAction *a = scenarios->addAction(e.title, this, [this, id = e.id] { emit scenarioChosen(id); });
        a->setToolTip(e.description);
        a->setStatusTip(e.description);
    }
    scenarios->setToolTipsVisible(true);
    scenarios->addSeparator();
    add(scenarios, {"openScenario", "saveScenario", "runAll"});

    add(bar->addMenu(tr("&Help")), {"legend", "keys", "about"});

    QToolBar *transport = m_window->addToolBar(tr("Transport"));
    transport->setObjectName(u"transport"_s);
    transport->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const auto *name : {"first", "back", "next", "last", "play", "takeOver", "restart"})
        transport->addAction(action(QString::fromLatin1(name)));
    transport->addSeparator();
    transport->addActions(m_numbers->actions());
    // Tool bar buttons must not take Space for themselves: it steps the lesson.
    for (QWidget *w : transport->findChildren<QWidget *>())
        w->setFocusPolicy(Qt::NoFocus);
}

void WindowActions::setRecentFiles(const QStringList &paths)
{
    m_recent->clear();
    for (const QString &path : paths) {
        QAction *a =
            m_recent->addAction(QFileInfo(path).fileName(), this, [this, path] { emit recentFileChosen(path); });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    m_recent->setEnabled(!paths.isEmpty());
}

void WindowActions::leaveOutLab(const QString &why)
{
    m_noLab = tr("Not in this build: %1").arg(why);
    for (const char *name : {"byHand", "guided", "restart", "takeOver", "hostSettings", "flavourBsd", "flavourQt",
                             "ipv4", "ipv6", "openScenario", "saveScenario"}) {
        QAction *a = action(QString::fromLatin1(name));
        a->setEnabled(false);
        a->setToolTip(m_noLab);
        a->setStatusTip(m_noLab);
    }
}

void WindowActions::showTakeOver(bool playback, bool takenOver)
{
    if (!m_noLab.isEmpty()) return; // stays off, saying why
    QAction *takeOver = action(u"takeOver"_s);
    takeOver->setEnabled(playback || takenOver);
    takeOver->setText(takenOver ? tr("Back to the &Recording") : tr("&Take Over Here"));
    takeOver->setStatusTip(takenOver ? tr("Leave the live kernels and show the recording again at the same step")
                                     : tr("Replay the steps so far on a fresh lab and go on live from here"));
}
