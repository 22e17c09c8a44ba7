// SPDX-License-Identifier: GPL-3.0-or-later
#include "startpage.h"

#include "lab/lab.h"
#include "run/session.h"
#include "scenario/builtinscenarios.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 32);
    auto *title = new QLabel(tr("<h1>SynScope</h1><p>Which socket call makes which TCP segment — shown with two "
                                "real Linux kernels and a wire you hold in your hand.</p>"),
                             this);
    title->setWordWrap(true);
    layout->addWidget(title);
    m_labState = new QLabel(this);
    m_labState->setWordWrap(true);
    m_labState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_labState);
    auto *hint =
        new QLabel(tr("<b>Scenarios</b> — choose one to run it on a fresh lab; Space steps through it."), this);
    hint->setWordWrap(true); // a longer language must not widen the window
    layout->addWidget(hint);
    m_scenarios = new QListWidget(this);
    m_scenarios->setWordWrap(true);
    m_scenarios->setSpacing(2);
    for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list()) {
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(e.title, e.description), m_scenarios);
        item->setData(Qt::UserRole, e.id);
        item->setToolTip(tr("Run \"%1\" (synscope --scenario %2)").arg(e.title, e.id));
    }
    connect(m_scenarios, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit scenarioChosen(item->data(Qt::UserRole).toString()); });
    layout->addWidget(m_scenarios, 1);

    auto *buttons = new QHBoxLayout;
    auto *byHand = new QPushButton(tr("Work by hand"), this);
    byHand->setToolTip(tr("Make the socket calls yourself and deliver each segment"));
    connect(byHand, &QPushButton::clicked, this, &StartPage::byHandChosen);
    auto *open = new QPushButton(tr("Open a saved trace or capture…"), this);
    connect(open, &QPushButton::clicked, this, &StartPage::openChosen);
    auto *openScenario = new QPushButton(tr("Open a scenario file…"), this);
    connect(openScenario, &QPushButton::clicked, this, &StartPage::openScenarioChosen);
    buttons->addWidget(byHand);
    buttons->addWidget(open);
    buttons->addWidget(openScenario);
    buttons->addStretch(1);
    layout->addLayout(buttons);
}

void StartPage::showLabState(const Session &session)
{
    const Session::Mode mode = session.mode();
    const Lab *lab = session.lab();
    const QString text = session.stateText();
    if (mode != Session::Mode::Playback && mode != Session::Mode::Recording && lab->isReady()) {
        m_labState->setText(tr("<p style='color:#1b5e20'>%1.</p>").arg(text.toHtmlEscaped()));
    } else if (mode != Session::Mode::Playback && mode != Session::Mode::Recording && lab->error().isError()) {
        m_labState->setText(
            tr("<p style='color:#b00020'><b>The lab cannot run here.</b> %1</p><p>Every scenario below still plays, "
               "from its recording made on real kernels; you can also open a saved trace or a capture.</p>")
                .arg(lab->error().message().toHtmlEscaped()));
    } else {
        m_labState->setText(QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped()));
    }
}
