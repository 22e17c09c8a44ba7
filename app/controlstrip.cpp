// SPDX-License-Identifier: GPL-3.0-or-later
#include "controlstrip.h"

#include "panels/callpanel.h"
#include "panels/wiremodel.h"
#include "panels/wirepanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

ControlStrip::ControlStrip(CallPanel *client, CallPanel *server, WirePanel *wire, QWidget *parent)
    : QWidget(parent)
    , m_panels {client, server}
    , m_wirePanel(wire)
{
    setObjectName(QStringLiteral("controlStrip"));
    // Read from the back of the room.
    QFont large = font();
    large.setPointSizeF(large.pointSizeF() * 1.3);
    setFont(large);
    // Two rows, as the window has the client on the left and the server on the right: each side's
    // calls, and at the end of the rows the wire's actions. One row would not fit a 1366-pixel screen.
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(6, 2, 6, 2);
    rows->setSpacing(2);
    QHBoxLayout *layout = nullptr;
    const auto title = [this, &layout](const QString &text) {
        auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), this);
        label->setMinimumWidth(label->fontMetrics().horizontalAdvance(tr("Server")) + 12);
        layout->addWidget(label);
    };
    const auto tool = [this, &layout](const QString &tip) {
        auto *b = new QToolButton(this);
        b->setToolTip(tip);
        b->setFocusPolicy(Qt::NoFocus); // Space stays "next"
        layout->addWidget(b);
        return b;
    };
    const auto side = [&](int s) {
        layout = new QHBoxLayout;
        rows->addLayout(layout);
        title(s == 0 ? tr("Client") : tr("Server"));
        for (const CallPanel::CallKey &k : CallPanel::callKeys()) {
            QToolButton *b = tool({});
            CallPanel *panel = m_panels[s];
            const char key = k.key;
            connect(b, &QToolButton::clicked, panel, [panel, key] { panel->pressKey(key); });
            m_calls[s].insert(key, b);
        }
        // A blocked side is ended from here too, as from its panel.
        QToolButton *interrupt = tool({});
        connect(interrupt, &QToolButton::clicked, m_panels[s], &CallPanel::interrupt);
        m_interrupt[s] = interrupt;
        layout->addStretch(1);
    };
    const auto wireButton = [&](const QString &name, const QString &text, const QString &tip) {
        QToolButton *b = tool(tip);
        b->setText(text);
        m_wire.insert(name, b);
        return b;
    };
    side(0);
    connect(
        wireButton(QStringLiteral("deliver"), tr("Deliver next"), tr("Deliver the oldest segment held on the wire")),
        &QToolButton::clicked, this, [this] { m_wirePanel->deliverNext(); });
    side(1);
    const auto drop = [this](Direction d) { m_wirePanel->act(Wire::Action::Drop, m_wirePanel->model(d)->idAt(0)); };
    connect(wireButton(QStringLiteral("dropToServer"), tr("Drop →"),
                       tr("Drop the oldest segment held on its way to the server")),
            &QToolButton::clicked, this, [drop] { drop(Direction::ClientToServer); });
    connect(wireButton(QStringLiteral("dropToClient"), tr("Drop ←"),
                       tr("Drop the oldest segment held on its way to the client")),
            &QToolButton::clicked, this, [drop] { drop(Direction::ServerToClient); });
    for (CallPanel *panel : m_panels)
        connect(panel, &CallPanel::buttonsChanged, this, &ControlStrip::refresh);
    refresh();
}

QToolButton *ControlStrip::callButton(bool client, char key) const
{
    return m_calls[client ? 0 : 1].value(key);
}

void ControlStrip::refresh()
{
    for (int s = 0; s < 2; ++s) {
        const CallPanel *panel = m_panels[s];
        for (const CallPanel::CallKey &k : CallPanel::callKeys()) {
            QToolButton *b = m_calls[s].value(k.key);
            const char *name = panel->flavour() == Flavour::Bsd ? k.bsd : k.qt;
            const QPushButton *pressed = name ? panel->button(QString::fromLatin1(name)) : nullptr;
            b->setVisible(pressed != nullptr);
            if (!pressed) continue;
            b->setText(pressed->text());
            b->setEnabled(pressed->isEnabled());
            b->setToolTip(pressed->toolTip());
        }
        const QPushButton *interrupt = panel->interruptButton();
        m_interrupt[s]->setVisible(interrupt->isVisibleTo(panel));
        m_interrupt[s]->setText(interrupt->text());
        m_interrupt[s]->setEnabled(interrupt->isEnabled());
        m_interrupt[s]->setToolTip(interrupt->toolTip());
    }
    const bool live = m_wirePanel->wire() != nullptr;
    for (QToolButton *b : std::as_const(m_wire))
        b->setEnabled(live);
}
