// SPDX-License-Identifier: GPL-3.0-or-later
#include "wirepanel.h"

#include "wiremodel.h"

#include "trace/trace.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

WirePanel::WirePanel(const Trace *trace, QWidget *parent)
    : QWidget(parent)
    , m_trace(trace)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_asOf = new QLabel(this);
    m_asOf->setWordWrap(true);
    m_asOf->hide();
    layout->addWidget(m_asOf);
    m_deliverNext = new QPushButton(tr("Deliver next"), this);
    m_deliverNext->setToolTip(tr("Deliver the oldest segment held on the wire, whichever way it goes"));
    connect(m_deliverNext, &QPushButton::clicked, this, &WirePanel::deliverNext);
    layout->addWidget(m_deliverNext);
    layout->addWidget(makeSide(Direction::ClientToServer, tr("Client → server")), 1);
    layout->addWidget(makeSide(Direction::ServerToClient, tr("Server → client")), 1);
    // The line that says it is a recording wraps at the panel's width instead of widening it.
    m_asOf->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    fitRows();
    showMode();
}

void WirePanel::fitRows()
{
    // Each list shows at least six segments without scrolling, at whatever text size.
    for (const SideWidgets &s : m_side) {
        const int row = std::max(s.view->fontMetrics().height() + 4, s.view->sizeHintForRow(0));
        s.view->setMinimumHeight(kMinRows * row + 2 * s.view->frameWidth());
    }
}

void WirePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) fitRows();
    QWidget::changeEvent(event);
}

QWidget *WirePanel::makeSide(Direction direction, const QString &title)
{
    SideWidgets &s = m_side[int(direction)];
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *head = new QHBoxLayout;
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), box);
    head->addWidget(label, 1);
    s.mode = new QComboBox(box);
    s.mode->addItem(tr("Step"), int(Wire::Mode::Step));
    s.mode->addItem(tr("Auto"), int(Wire::Mode::Auto));
    s.mode->setToolTip(tr("Step: segments wait on the wire until you deliver them. Auto: each is delivered "
                          "after the latency."));
    s.latency = new QSpinBox(box);
    s.latency->setRange(0, 10000);
    s.latency->setSingleStep(50);
    s.latency->setSuffix(tr(" ms"));
    s.latency->setValue(300);
    s.latency->setToolTip(tr("Auto mode: how long each segment travels"));
    head->addWidget(s.mode);
    head->addWidget(s.latency);
    layout->addLayout(head);

    s.model = new WireModel(nullptr, m_trace, direction, this);
    s.view = new QTreeView(box);
    s.view->setModel(s.model);
    s.view->setRootIsDecorated(false);
    s.view->setUniformRowHeights(true);
    s.view->setSelectionMode(QAbstractItemView::SingleSelection);
    s.view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // The rows say what they are ("SYN J", "retransmission"): no header takes a row's room.
    s.view->setHeaderHidden(true);
    s.view->header()->setStretchLastSection(true);
    s.view->header()->setSectionResizeMode(WireModel::SegmentColumn, QHeaderView::ResizeToContents);
    // The buttons stand beside the list, not under it: on a 768-pixel screen the call buttons above
    // the wire need that row.
    auto *row = new QHBoxLayout;
    row->addWidget(s.view, 1);
    layout->addLayout(row, 1);

    auto *buttons = new QVBoxLayout;
    s.deliver = new QPushButton(tr("Deliver"), box);
    s.deliver->setToolTip(tr("Hand the selected segment to the receiving kernel"));
    s.drop = new QPushButton(tr("Drop"), box);
    s.drop->setToolTip(tr("Lose the selected segment: the sender's kernel will send it again when its timer runs out"));
    s.duplicate = new QPushButton(tr("Duplicate"), box);
    s.duplicate->setToolTip(tr("Make a copy of the selected segment; the copy waits right behind it"));
    buttons->addWidget(s.deliver);
    buttons->addWidget(s.drop);
    buttons->addWidget(s.duplicate);
    buttons->addStretch(1);
    row->addLayout(buttons);

    connect(s.deliver, &QPushButton::clicked, this,
            [this, direction] { actOnSelection(direction, Wire::Action::Deliver); });
    connect(s.drop, &QPushButton::clicked, this, [this, direction] { actOnSelection(direction, Wire::Action::Drop); });
    connect(s.duplicate, &QPushButton::clicked, this,
            [this, direction] { actOnSelection(direction, Wire::Action::Duplicate); });
    connect(s.view, &QTreeView::doubleClicked, this, [this, direction](const QModelIndex &index) {
        act(Wire::Action::Deliver, m_side[int(direction)].model->idAt(index.row()));
    });
    connect(s.mode, &QComboBox::currentIndexChanged, this, [this, direction] { applyMode(direction); });
    connect(s.latency, &QSpinBox::valueChanged, this, [this, direction] { applyMode(direction); });
    connect(s.model, &QAbstractItemModel::rowsInserted, this, &WirePanel::updateButtons);
    connect(s.model, &QAbstractItemModel::rowsRemoved, this, &WirePanel::updateButtons);
    connect(s.model, &QAbstractItemModel::modelReset, this, &WirePanel::updateButtons);
    connect(s.view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &WirePanel::updateButtons);
    return box;
}

void WirePanel::setWire(Wire *wire)
{
    m_wire = wire;
    for (Direction d : {Direction::ClientToServer, Direction::ServerToClient}) {
        m_side[int(d)].model->setWire(wire);
        if (wire) applyMode(d);
    }
    showMode();
}

void WirePanel::showAsOf(qsizetype endEvent, int step)
{
    m_wire = nullptr;
    for (const SideWidgets &s : m_side)
        s.model->showAsOf(endEvent);
    if (step < 0 && !m_trace->steps().empty()) {
        const qsizetype end = m_side[0].model->asOfEnd();
        step = end <= 0 ? 0 : m_trace->stepOfEvent(end - 1) + 1;
    }
    // Say why nothing can be done, and how to get to where it can.
    if (m_trace->steps().empty())
        m_asOf->setText(tr("<i>As recorded — no lab runs: the wire is read-only.</i>"));
    else if (step <= 0)
        m_asOf->setText(tr("<i>As recorded, before the first step — take over (T) to act on the wire.</i>"));
    else
        m_asOf->setText(tr("<i>As recorded at step %1 — take over (T) to act on the wire.</i>").arg(step));
    showMode();
}

bool WirePanel::isAsOf() const
{
    return m_side[0].model->isAsOf();
}

QString WirePanel::asOfText() const
{
    return isAsOf() ? m_asOf->text() : QString();
}

void WirePanel::showMode()
{
    const bool asOf = isAsOf();
    m_asOf->setVisible(asOf);
    for (const SideWidgets &s : m_side)
        s.view->setToolTip(asOf ? tr("Segments in flight at this point of the recording (sent, not yet delivered or "
                                     "dropped), oldest first. Select one to see its fields.")
                                : tr("Segments held on the wire, oldest first. Double-click delivers one."));
    updateButtons();
}

void WirePanel::applyMode(Direction direction)
{
    const SideWidgets &s = m_side[int(direction)];
    const auto mode = Wire::Mode(s.mode->currentData().toInt());
    s.latency->setEnabled(m_wire && mode == Wire::Mode::Auto);
    const qint64 latencyNs = qint64(s.latency->value()) * 1000000;
    if (m_wire && (m_wire->mode(direction) != mode || m_wire->latencyNs(direction) != latencyNs)) {
        m_wire->setMode(direction, mode, latencyNs);
        emit modeChanged(direction, mode, latencyNs);
    }
}

void WirePanel::setMode(Direction direction, Wire::Mode mode, int latencyMs)
{
    const SideWidgets &s = m_side[int(direction)];
    s.latency->setValue(latencyMs);
    s.mode->setCurrentIndex(s.mode->findData(int(mode)));
    applyMode(direction);
}

void WirePanel::actOnSelection(Direction direction, Wire::Action action)
{
    const SideWidgets &s = m_side[int(direction)];
    const QModelIndexList rows = s.view->selectionModel()->selectedRows();
    // Nothing selected: the oldest of this direction, which is what a lecturer means by "deliver".
    const quint64 id = rows.isEmpty() ? s.model->idAt(0) : s.model->idAt(rows.first().row());
    act(action, id);
}

bool WirePanel::act(Wire::Action action, quint64 id)
{
    if (!m_wire || id == 0) return false;
    const InFlight *f = m_wire->find(id);
    if (!f) return false;
    const qsizetype sendIndex = f->sendIndex;
    const Direction direction = directionFrom(m_trace->at(sendIndex).side);
    const bool oldest = m_wire->inFlight(direction).front().id == id;
    const bool ok = m_wire->act(action, id);
    if (ok) emit acted(action, direction, sendIndex, oldest);
    return ok;
}

bool WirePanel::deliverNext()
{
    if (!m_wire) return false;
    // The oldest by when it was sent, across both directions.
    const InFlight *oldest = nullptr;
    for (Direction d : {Direction::ClientToServer, Direction::ServerToClient}) {
        const auto &held = m_wire->inFlight(d);
        if (!held.empty() && (!oldest || held.front().sendIndex < oldest->sendIndex)) oldest = &held.front();
    }
    return oldest && act(Wire::Action::Deliver, oldest->id);
}

void WirePanel::updateButtons()
{
    bool any = false;
    for (const SideWidgets &s : m_side) {
        const bool has = m_wire && s.model->rowCount() > 0;
        any = any || has;
        s.deliver->setEnabled(has);
        s.drop->setEnabled(has);
        s.duplicate->setEnabled(has);
        s.mode->setEnabled(m_wire);
        s.latency->setEnabled(m_wire && Wire::Mode(s.mode->currentData().toInt()) == Wire::Mode::Auto);
    }
    m_deliverNext->setEnabled(any);
    updateWaiting();
}

void WirePanel::updateWaiting()
{
    // The oldest held segment by when it was sent, across both directions, as deliverNext() picks.
    WireModel *next = nullptr;
    qsizetype send = -1;
    for (const SideWidgets &s : m_side) {
        // In auto mode the wire delivers by itself: nothing there waits for the user.
        if (s.model->rowCount() == 0 || (m_wire && m_wire->mode(s.model->direction()) == Wire::Mode::Auto)) continue;
        const auto first = s.model->data(s.model->index(0, 0), WireModel::SendIndexRole).value<qsizetype>();
        if (!next || first < send) {
            next = s.model;
            send = first;
        }
    }
    for (const SideWidgets &s : m_side)
        s.model->setWaiting(s.model == next ? s.model->idAt(0) : 0);
    if (send != m_waitingSend) {
        m_waitingSend = send;
        emit waitingChanged(send);
    }
}
