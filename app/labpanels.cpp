// SPDX-License-Identifier: GPL-3.0-or-later
#include "labpanels.h"

#include "controlstrip.h"
#include "lab/lab.h"
#include "panels/callpanel.h"
#include "panels/detailspanel.h"
#include "panels/socketinspector.h"
#include "panels/wiremodel.h"
#include "panels/wirepanel.h"
#include "run/session.h"
#include "trace/trace.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QItemSelectionModel>
#include <QMainWindow>
#include <QScrollArea>
#include <QStyle>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {
// A call panel's dock content. Its width is the panel's at the text size chosen (with room for a
// scroll bar), taken when the text size changes and not as status lines come and go: wider text
// later wraps or scrolls, it never moves the diagram.
class PanelScrollArea : public QScrollArea {
public:
    explicit PanelScrollArea(QWidget *parent)
        : QScrollArea(parent)
    {
        setWidgetResizable(true);
        setFrameShape(QFrame::NoFrame);
    }
    QSize minimumSizeHint() const override
    {
        if (m_width < 0 && widget())
            m_width = widget()->minimumSizeHint().width() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 2;
        return {std::max(m_width, 0), QScrollArea::minimumSizeHint().height()};
    }
    QSize sizeHint() const override { return {minimumSizeHint().width(), QScrollArea::sizeHint().height()}; }

protected:
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::FontChange) {
            m_width = -1;
            updateGeometry();
        }
        QScrollArea::changeEvent(event);
    }

private:
    mutable int m_width = -1;
};
} // namespace

LabPanels::LabPanels(Session *session, QMainWindow *window)
    : QObject(window)
    , m_session(session)
{
    Trace *trace = session->trace();
    m_calls[int(Side::Client)] = new CallPanel(Side::Client, window);
    m_calls[int(Side::Server)] = new CallPanel(Side::Server, window);
    m_wire = new WirePanel(trace, window);
    m_details = new DetailsPanel(window);
    m_details->setTrace(trace);
    m_inspector = new SocketInspector(window);
    m_inspector->setTrace(trace);
    // Live, a side's socket is the one chosen in its call panel.
    m_inspector->setChosenSocket(
        [this](Side side, quint16 &local, quint16 &remote) { return m_calls[int(side)]->chosenSocket(local, remote); });
    // A call panel scrolls rather than pushing its dock: a long status line must neither widen the
    // column (the panels would jump) nor, on a 768-pixel screen, squeeze the wire's lists.
    const auto scrolled = [window](QWidget *panel) {
        auto *area = new PanelScrollArea(window);
        area->setWidget(panel);
        return area;
    };
    addDock(window, tr("Client"), u"clientDock"_s, scrolled(m_calls[int(Side::Client)]), Qt::LeftDockWidgetArea);
    addDock(window, tr("Server"), u"serverDock"_s, scrolled(m_calls[int(Side::Server)]), Qt::RightDockWidgetArea);
    QDockWidget *wire = addDock(window, tr("Wire"), u"wireDock"_s, m_wire, Qt::LeftDockWidgetArea);
    QDockWidget *details = addDock(window, tr("Details"), u"detailsDock"_s, m_details, Qt::RightDockWidgetArea);
    window->splitDockWidget(m_docks[0], wire, Qt::Vertical);
    window->splitDockWidget(m_docks[1], details, Qt::Vertical);
    // The socket inspector sits under the diagram, between the side columns, which keep their full
    // height (the wire's lists their six rows at 1366×768).
    window->setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    window->setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    addDock(window, tr("Socket state and queues"), u"socketsDock"_s, m_inspector, Qt::BottomDockWidgetArea);
    // The diagram in the middle gets the room; panels keep to what their buttons need.
    window->resizeDocks({m_docks[0], m_docks[1]}, {280, 280}, Qt::Horizontal);
    // The wire keeps to its six rows a side; the call buttons above it get the rest.
    window->resizeDocks({m_docks[0], wire}, {1000, 1}, Qt::Vertical);
    connect(trace, &Trace::cleared, m_details, [this] { m_details->setEventIndex(-1); });

    for (Direction d : {Direction::ClientToServer, Direction::ServerToClient}) {
        WireModel *model = m_wire->model(d);
        // A segment picked on the wire shows its fields, as one picked in the diagram does.
        connect(m_wire->view(d)->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this, model](const QModelIndex &current) {
                    if (!current.isValid()) return;
                    const auto send = model->data(current, WireModel::SendIndexRole).value<qsizetype>();
                    m_details->setEventIndex(send);
                    m_inspector->setSelectedEvent(send);
                });
    }
    // Everything done by hand is recorded, so it can be saved as a scenario and replayed.
    connect(m_wire, &WirePanel::acted, this, [this](Wire::Action action, Direction, qsizetype sendIndex, bool oldest) {
        QString error;
        if (!m_session->addWireAction(action, sendIndex, !oldest, &error)) emit notRecorded(error);
    });
    connect(m_wire, &WirePanel::modeChanged, this, [this](Direction direction, Wire::Mode mode, qint64 latencyNs) {
        m_session->addWireMode(mode, int(latencyNs / 1000000), direction);
    });
    // The common calls have keys: the side's letter, then the call's ("C, L": the client's listen()),
    // the window's, so they work wherever the focus is and with the panels hidden (lecture mode).
    for (Side side : {Side::Client, Side::Server}) {
        CallPanel *panel = m_calls[int(side)];
        for (const CallPanel::CallKey &k : CallPanel::callKeys()) {
            const QString bsd = k.bsd ? QString::fromLatin1(k.bsd) + u"()"_s : QString();
            const QString qt = k.qt ? QString::fromLatin1(k.qt) + u"()"_s : QString();
            const QString name = bsd.isEmpty() ? qt : qt.isEmpty() || qt == bsd ? bsd : bsd + u" / "_s + qt;
            auto *a =
                new QAction(side == Side::Client ? tr("Client: %1").arg(name) : tr("Server: %1").arg(name), window);
            a->setObjectName((side == Side::Client ? u"clientKey"_s : u"serverKey"_s) + QLatin1Char(k.key));
            a->setShortcut(CallPanel::shortcut(side, QString::fromLatin1(k.bsd ? k.bsd : k.qt)));
            a->setProperty("keysGroup", side == Side::Client ? tr("Client calls") : tr("Server calls"));
            const char key = k.key;
            connect(a, &QAction::triggered, panel, [panel, key] { panel->pressKey(key); });
            window->addAction(a);
        }
    }
    // Lecture mode hides the panels; a live by-hand demonstration still needs their buttons.
    m_strip = new ControlStrip(m_calls[int(Side::Client)], m_calls[int(Side::Server)], m_wire, window);
    m_stripDock = new QDockWidget(tr("By-hand controls"), window);
    m_stripDock->setObjectName(u"controlStripDock"_s);
    m_stripDock->setTitleBarWidget(new QWidget(m_stripDock));
    m_stripDock->setFeatures(QDockWidget::NoDockWidgetFeatures);
    m_stripDock->setWidget(m_strip);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_stripDock);
    m_stripDock->hide();
    m_stripAction = new QAction(tr("By-Hand Controls in Lecture Mode"), window);
    m_stripAction->setObjectName(u"controlStrip"_s);
    m_stripAction->setCheckable(true);
    m_stripAction->setShortcut(QKeySequence(Qt::Key_H));
    m_stripAction->setStatusTip(tr("A row of the calls and the wire's actions under the diagram in lecture mode"));
    m_stripAction->setProperty("keysGroup", tr("Lecture mode"));
    window->addAction(m_stripAction);
    connect(m_stripAction, &QAction::toggled, this, &LabPanels::showStrip);

    connect(m_wire, &WirePanel::waitingChanged, this, &LabPanels::waitingChanged);
    for (CallPanel *panel : m_calls) {
        connect(panel, &CallPanel::socketChosen, m_inspector, &SocketInspector::chosenSocketChanged);
        connect(panel, &CallPanel::called, this, [this](qsizetype callEvent) {
            emit calledByHand();
            QString error;
            if (!m_session->addCall(callEvent, &error)) emit notRecorded(error);
        });
    }
}

bool LabPanels::areOfUse() const
{
    // Without live kernels the call panels and the wire have nothing to do: the diagram takes their
    // room. A recording being made or replayed is the scenario's, not the user's, to act on.
    const Session::Mode mode = m_session->mode();
    // A recording shows, read-only, what the programs held and what was on the wire at its step.
    if (mode == Session::Mode::Playback) return true;
    return m_session->isLabReady() && (mode == Session::Mode::Live || mode == Session::Mode::Replaying);
}

void LabPanels::update(bool lecture)
{
    Lab *lab = m_session->lab();
    const bool ready = lab->isReady() && m_session->mode() == Session::Mode::Live;
    if (!lecture) {
        for (QDockWidget *d : std::as_const(m_docks)) {
            if (d->widget() != m_details) d->setVisible(areOfUse());
        }
    }
    m_wire->setWire(ready ? lab->wire() : nullptr);
    if (m_session->mode() != Session::Mode::Playback) m_inspector->showLive();
    for (CallPanel *panel : m_calls)
        panel->setLab(ready ? lab : nullptr);
}

void LabPanels::setFlavour(Flavour flavour)
{
    for (CallPanel *panel : m_calls)
        panel->setFlavour(flavour);
}

bool LabPanels::deliverNext()
{
    return m_wire->deliverNext();
}

void LabPanels::showAsOf(int step)
{
    const Trace *t = m_session->trace();
    const int k = std::min<int>(step, int(t->steps().size())) - 1;
    // While predict mode asks, the wire must not give the answer away: as of the step's start.
    const qsizetype end = k < 0 ? 0 : m_session->isAsking() ? t->stepBegin(k) : t->stepEnd(k);
    m_wire->showAsOf(end, step);
    m_inspector->showAsOf(end);
    for (CallPanel *panel : m_calls)
        panel->showAsOf(t, end, step);
}

void LabPanels::showStrip()
{
    m_stripDock->setVisible(m_lecture && m_stripAction->isChecked());
}

void LabPanels::setLectureMode(bool on)
{
    m_lecture = on;
    showStrip();
    for (QDockWidget *d : std::as_const(m_docks))
        d->setVisible(!on && (areOfUse() || d->widget() == m_details));
}

void LabPanels::setNumberStyle(NumberStyle style)
{
    // The lists ask for labels until the docks are gone, after this object and the window's own
    // members: the labeler holds only the session, which outlives the docks, and the style.
    Session *session = m_session;
    const auto label = [session, style](qsizetype sendIndex) {
        const QString text = session->labels().label(sendIndex, style);
        return text.isEmpty() ? tcpFlagsText(session->trace()->at(sendIndex).flags) : text;
    };
    for (Direction d : {Direction::ClientToServer, Direction::ServerToClient})
        m_wire->model(d)->setLabeler(label);
}
