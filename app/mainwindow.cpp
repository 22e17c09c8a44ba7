// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "lab/lab.h"
#include "scenario/builtinscenarios.h"
#include "scenario/scenariorunner.h"
#include "trace/eventtext.h"
#include "trace/trace.h"
#include "trace/tracejson.h"

#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_trace(std::make_unique<Trace>())
    , m_lab(std::make_unique<Lab>(m_trace.get()))
{
    setWindowTitle(tr("SynScope"));
    resize(1100, 700);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_events = new QListWidget(central);
    m_events->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_caption = new QLabel(tr("Choose a scenario to run it on two real kernels."), central);
    m_caption->setWordWrap(true);
    layout->addWidget(m_events, 1);
    layout->addWidget(m_caption);
    setCentralWidget(central);

    m_labStatus = new QLabel(this);
    statusBar()->addWidget(m_labStatus, 1);

    QMenu *labMenu = menuBar()->addMenu(tr("&Lab"));
    QAction *restart = labMenu->addAction(tr("&New Lab"), this, &MainWindow::startLab);
    restart->setShortcut(Qt::CTRL | Qt::Key_R);
    QMenu *scenarios = menuBar()->addMenu(tr("&Scenarios"));
    QToolBar *toolbar = addToolBar(tr("Scenarios"));
    toolbar->addAction(restart);
    for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list()) {
        QAction *run = scenarios->addAction(e.title, this, [this, id = e.id] { runScenario(id); });
        toolbar->addAction(run);
    }

    connect(m_trace.get(), &Trace::eventsAppended, this, &MainWindow::appendEvents);
    connect(m_trace.get(), &Trace::cleared, m_events, &QListWidget::clear);
    connect(m_lab.get(), &Lab::failed, this, &MainWindow::showLabState);
    startLab();
}

MainWindow::~MainWindow()
{
    m_runner.reset();
    m_lab.reset();
}

void MainWindow::startLab()
{
    m_runner.reset();
    m_lab->start();
    showLabState();
}

void MainWindow::showLabState()
{
    m_labStatus->setText(m_lab->isReady()
            ? tr("Lab ready: client 10.0.0.1 and server 10.0.0.2 on their own kernels (%1).").arg(m_lab->helperDescription())
            : tr("Lab unavailable: %1").arg(m_lab->error().message()));
}

void MainWindow::appendEvents(qsizetype first, qsizetype last)
{
    for (qsizetype i = first; i <= last && i < m_trace->size(); ++i)
        m_events->addItem(EventText::describe(*m_trace, i));
    m_events->scrollToBottom();
}

void MainWindow::runScenario(const QString &id)
{
    const std::optional<Scenario> scenario = BuiltinScenarios::find(id);
    if (!scenario)
        return;
    startLab();
    if (!m_lab->isReady())
        return;
    m_runner = std::make_unique<ScenarioRunner>(m_lab.get(), *scenario);
    connect(m_runner.get(), &ScenarioRunner::stepStarted, m_caption, [this](int, const QString &caption) {
        m_caption->setText(caption);
    });
    connect(m_runner.get(), &ScenarioRunner::finished, this, [this](bool ok, const QString &message) {
        if (!ok)
            m_caption->setText(message);
    });
    m_runner->runAll();
}

void MainWindow::openTrace(const QString &path)
{
    QFile file(path);
    QString error;
    if (!file.open(QIODevice::ReadOnly)) {
        m_caption->setText(tr("Cannot open %1: %2").arg(path, file.errorString()));
        return;
    }
    m_lab->stop();
    if (!TraceJson::load(file.readAll(), *m_trace, &error))
        m_caption->setText(tr("Cannot open %1: %2").arg(path, error));
    showLabState();
}
