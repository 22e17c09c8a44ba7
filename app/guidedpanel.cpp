// SPDX-License-Identifier: GPL-3.0-or-later
#include "guidedpanel.h"

#include "controlstrip.h"
#include "labpanels.h"
#include "panels/callpanel.h"
#include "panels/wiremodel.h"
#include "panels/wirepanel.h"
#include "trace/trace.h"

#include <QApplication>
#include <QButtonGroup>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// The frame on the button to press next: a child of the button's parent drawn over it, so the
// button keeps its size and style in either theme, and the layout never moves. It follows the
// button as it moves, resizes ("connect() — blocks"), hides and shows.
class GuideFrame : public QWidget {
public:
    explicit GuideFrame(QWidget *home)
        : QWidget(home)
        , m_home(home)
    {
        setObjectName(u"guideFrame"_s);
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setFocusPolicy(Qt::NoFocus);
        hide();
    }
    void follow(QWidget *target)
    {
        if (target && m_target == target) {
            place();
            return;
        }
        if (m_target) m_target->removeEventFilter(this);
        m_target = target;
        if (!target) {
            // Back in the guided panel: nothing of it is left in a panel it does not own.
            hide();
            if (parentWidget() != m_home) setParent(m_home);
            return;
        }
        setParent(target->parentWidget());
        target->installEventFilter(this);
        place();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_target
            && (event->type() == QEvent::Move || event->type() == QEvent::Resize || event->type() == QEvent::Show
                || event->type() == QEvent::Hide || event->type() == QEvent::EnabledChange))
            place();
        return QWidget::eventFilter(watched, event);
    }
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        // Orange, away from the diagram's segment colours and the error red; dark enough on the light
        // theme's grey, light enough on the dark one (at least 3:1 either way, as a control's
        // border should be).
        const QColor colour = isDark(QApplication::palette()) ? QColor(0xff, 0xb7, 0x4d) : QColor(0xc4, 0x3e, 0x00);
        p.setPen(QPen(colour, kWidth));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(rect()).adjusted(kWidth / 2.0, kWidth / 2.0, -kWidth / 2.0, -kWidth / 2.0), 4, 4);
    }

private:
    static constexpr int kWidth = 3;
    void place()
    {
        if (!m_target || !m_target->isVisible()) {
            hide();
            return;
        }
        // On the button's own edge, not around it: a button at its page's edge would cut a frame
        // drawn outside.
        setGeometry(m_target->geometry());
        show();
        raise();
        update();
    }
    QWidget *m_home;
    QPointer<QWidget> m_target;
};
} // namespace

GuidedPanel::GuidedPanel(const Trace *trace, LabPanels *panels, QWidget *parent)
    : QWidget(parent)
    , m_trace(trace)
    , m_panels(panels)
{
    setObjectName(u"guidedPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_checklist = new QLabel(this);
    m_checklist->setWordWrap(true);
    m_checklist->setTextFormat(Qt::RichText);
    m_checklist->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_checklist->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_checklist);

    // What happened instead, and the way on.
    m_box = new QFrame(this);
    m_box->setFrameShape(QFrame::StyledPanel);
    m_box->setFrameShadow(QFrame::Plain);
    m_box->setLineWidth(2);
    auto *box = new QVBoxLayout(m_box);
    m_boxText = new QLabel(m_box);
    m_boxText->setWordWrap(true);
    m_boxText->setTextFormat(Qt::RichText);
    box->addWidget(m_boxText);
    auto *boxButtons = new QHBoxLayout;
    m_continue = new QPushButton(m_box);
    m_continue->setObjectName(u"guidedContinue"_s);
    m_again = new QPushButton(tr("Start the Goal Again"), m_box);
    m_again->setObjectName(u"guidedAgain"_s);
    m_again->setToolTip(tr("A fresh lab, and the checklist from its first step"));
    m_another = new QPushButton(tr("Choose Another Goal…"), m_box);
    boxButtons->addWidget(m_continue);
    boxButtons->addWidget(m_again);
    boxButtons->addWidget(m_another);
    boxButtons->addStretch(1);
    box->addLayout(boxButtons);
    layout->addWidget(m_box);
    m_box->hide();

    auto *bottom = new QHBoxLayout;
    m_startOver = new QPushButton(tr("Start Again"), this);
    m_startOver->setToolTip(tr("A fresh lab, and the checklist from its first step"));
    m_stop = new QPushButton(tr("Stop Guiding"), this);
    m_stop->setToolTip(tr("Hide the checklist; the lab and what you did stay as they are"));
    bottom->addWidget(m_startOver);
    bottom->addWidget(m_stop);
    bottom->addStretch(1);
    layout->addLayout(bottom);
    layout->addStretch(1);
    // Space steps the lesson wherever the focus is: these buttons must not take it.
    for (QPushButton *b : {m_continue, m_again, m_another, m_startOver, m_stop})
        b->setFocusPolicy(Qt::TabFocus);

    m_frame = new GuideFrame(this);
    m_stripFrame = new GuideFrame(this);

    connect(m_continue, &QPushButton::clicked, this, [this] {
        if (!m_goal) return;
        // A deviation that ends the goal leaves the lab to the student: the checklist steps aside.
        if (m_goal->deviation() && !m_goal->deviation()->recoverable) {
            stop();
            return;
        }
        m_goal->dismissDeviation();
        refresh();
    });
    const auto again = [this] {
        if (m_goal) emit startAgainRequested(m_goal->kind());
    };
    connect(m_again, &QPushButton::clicked, this, again);
    connect(m_startOver, &QPushButton::clicked, this, again);
    connect(m_another, &QPushButton::clicked, this, &GuidedPanel::anotherGoalRequested);
    connect(m_stop, &QPushButton::clicked, this, &GuidedPanel::stop);
    connect(trace, &Trace::eventsAppended, this, &GuidedPanel::refresh);
    connect(trace, &Trace::cleared, this, &GuidedPanel::refresh);
    std::vector<QMetaObject::Connection> &c = m_panelConnections;
    // A button that goes on or off, or changes its words, is framed anew; so is the strip's.
    for (Side side : {Side::Client, Side::Server})
        c.push_back(connect(panels->callPanel(side), &CallPanel::buttonsChanged, this, &GuidedPanel::showHighlight));
    // Lecture mode's strip (H) gets its frame when it shows.
    m_strip = panels->controlStrip();
    if (m_strip) m_strip->installEventFilter(this);
    // The segment to deliver is picked in its list as it comes onto the wire.
    for (Direction d : {Direction::ClientToServer, Direction::ServerToClient}) {
        WireModel *model = panels->wirePanel()->model(d);
        c.push_back(connect(model, &QAbstractItemModel::rowsInserted, this, &GuidedPanel::showHighlight));
        c.push_back(connect(model, &QAbstractItemModel::rowsRemoved, this, &GuidedPanel::showHighlight));
        c.push_back(connect(model, &QAbstractItemModel::modelReset, this, &GuidedPanel::showHighlight));
    }
    // The window deletes the panels before this one: from then on nothing of theirs reaches here.
    c.push_back(connect(panels, &QObject::destroyed, this, &GuidedPanel::detach));
}

GuidedPanel::~GuidedPanel()
{
    detach(); // the strip's filter and the frames, when this goes first
}

void GuidedPanel::detach()
{
    // Called as LabPanels goes (QObject::destroyed: nothing of it is read here), or as this panel
    // does. Its widgets, the window's children made after it, are deleted after it: the strip's
    // filter, the connections to them and the frames drawn in them are undone while they live,
    // so none of their last events (the strip hides as its dock goes) or signals comes here, and
    // nothing here points into them.
    if (!m_panels) return;
    if (m_strip) m_strip->removeEventFilter(this);
    for (const QMetaObject::Connection &c : m_panelConnections)
        disconnect(c);
    m_panelConnections.clear();
    static_cast<GuideFrame *>(m_frame)->follow(nullptr);
    static_cast<GuideFrame *>(m_stripFrame)->follow(nullptr);
    m_target = nullptr;
    m_strip = nullptr;
    m_panels = nullptr;
}

std::optional<GuidedGoal::Kind> GuidedPanel::chooseGoal(QWidget *parent)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(tr("Guided by Hand"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *intro = new QLabel(tr("Pick a goal. The lab starts afresh (two new kernels), and a checklist shows which "
                                "button to press next and what the kernel will do."),
                             &dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *group = new QButtonGroup(&dialog);
    const QList<GuidedGoal::Kind> kinds = GuidedGoal::kinds();
    for (int i = 0; i < kinds.size(); ++i) {
        auto *radio = new QRadioButton(GuidedGoal::title(kinds[i]), &dialog);
        QFont bold = radio->font();
        bold.setBold(true);
        radio->setFont(bold);
        radio->setChecked(i == 0);
        group->addButton(radio, i);
        layout->addWidget(radio);
        auto *description = new QLabel(GuidedGoal::description(kinds[i]), &dialog);
        description->setWordWrap(true);
        description->setContentsMargins(24, 0, 0, 6);
        layout->addWidget(description);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(520, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted || group->checkedId() < 0) return std::nullopt;
    return kinds[group->checkedId()];
}

void GuidedPanel::start(GuidedGoal::Kind kind)
{
    m_goal = std::make_unique<GuidedGoal>(kind);
    refresh();
}

void GuidedPanel::stop()
{
    if (!m_goal) return;
    m_goal.reset();
    m_target = nullptr;
    static_cast<GuideFrame *>(m_frame)->follow(nullptr);
    static_cast<GuideFrame *>(m_stripFrame)->follow(nullptr);
    emit stopped();
}

QWidget *GuidedPanel::highlightFrame() const
{
    return m_frame;
}

QString GuidedPanel::checklistText() const
{
    return m_checklist->text();
}

QString GuidedPanel::deviationText() const
{
    return m_box->isVisible() || (m_goal && m_goal->deviation()) ? m_boxText->text() : QString();
}

void GuidedPanel::refresh()
{
    if (!m_goal) return;
    m_goal->update(*m_trace);
    showChecklist();
    showHighlight();
}

void GuidedPanel::changeEvent(QEvent *event)
{
    // The theme's colours are in the checklist's text: written again with the new ones.
    if (event->type() == QEvent::PaletteChange && m_goal) showChecklist();
    QWidget::changeEvent(event);
}

bool GuidedPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_strip && (event->type() == QEvent::Show || event->type() == QEvent::Hide)) showHighlight();
    return QWidget::eventFilter(watched, event);
}

void GuidedPanel::showChecklist()
{
    const GuidedGoal &goal = *m_goal;
    m_title->setText(u"<b>%1</b>"_s.arg(tr("Goal: %1").arg(GuidedGoal::title(goal.kind())).toHtmlEscaped()));
    const QString dim = palette().color(QPalette::Disabled, QPalette::WindowText).name();
    const int next = goal.nextStep();
    QStringList lines;
    for (int i = 0; i < int(goal.steps().size()); ++i) {
        const GuidedGoal::Step &s = goal.steps()[size_t(i)];
        const QString text = s.text.toHtmlEscaped();
        if (s.status == GuidedGoal::Status::Done)
            lines << u"<span style='color:%1'>✓ %2</span>"_s.arg(dim, text);
        else if (s.status == GuidedGoal::Status::Skipped)
            lines << u"<span style='color:%1'>– %2</span>"_s.arg(dim, tr("%1 (skipped)").arg(text));
        else if (i == next)
            lines << u"<b>→ %1</b><br>%2"_s.arg(text, s.explanation.toHtmlEscaped());
        else
            lines << u"○ %1"_s.arg(text);
    }
    QString html = lines.join(u"<br>"_s);
    if (goal.isComplete()) html += u"<p><b>%1</b></p>"_s.arg(goal.completionText().toHtmlEscaped());
    m_checklist->setText(html);

    const std::optional<GuidedGoal::Deviation> &d = goal.deviation();
    if (d) {
        m_boxText->setText(
            u"<b>%1</b><br>%2"_s.arg(tr("What happened instead").toHtmlEscaped(), d->text.toHtmlEscaped()));
        m_continue->setText(d->recoverable ? tr("Continue") : tr("Go On by Hand"));
        m_continue->setToolTip(d->recoverable ? tr("The checklist goes on from what the kernels did")
                                              : tr("The goal cannot be reached on this lab: stop guiding, and go on "
                                                   "by hand"));
    } else if (goal.isComplete()) {
        m_boxText->setText(tr("Try another goal, or the same again."));
    }
    m_continue->setVisible(bool(d));
    m_again->setVisible(bool(d) || goal.isComplete());
    m_another->setVisible(!d && goal.isComplete());
    m_box->setVisible(bool(d) || goal.isComplete());
    // On a small screen the checklist scrolls: what happened instead must come into view, once laid out.
    const qsizetype shown = d ? d->event : goal.isComplete() ? -2 : -1;
    if (shown != m_shownDeviation && shown != -1) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                for (QWidget *w = parentWidget(); w; w = w->parentWidget()) {
                    if (auto *area = qobject_cast<QScrollArea *>(w)) {
                        area->ensureWidgetVisible(m_box, 0, 0);
                        break;
                    }
                }
            },
            Qt::QueuedConnection);
    }
    m_shownDeviation = shown;
}

void GuidedPanel::selectSegment(Direction direction)
{
    // Deliver hands on the selected segment: the one the step means, not an older copy of the SYN
    // the kernel resent while the student read (nor what the student picked for the details).
    const WireModel *model = m_panels->wirePanel()->model(direction);
    QTreeView *view = m_panels->wirePanel()->view(direction);
    const auto fits = [&](int row) {
        const auto send = model->data(model->index(row, 0), WireModel::SendIndexRole).value<qsizetype>();
        return send >= 0 && send < m_trace->size() && m_goal->deliversNext(m_trace->at(send));
    };
    const QModelIndex current = view->selectionModel()->currentIndex();
    if (current.isValid() && view->selectionModel()->isRowSelected(current.row(), {}) && fits(current.row())) return;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (fits(row)) {
            view->selectionModel()->setCurrentIndex(model->index(row, 0),
                                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return;
        }
    }
}

QWidget *GuidedPanel::stripTarget(const GuidedGoal::Target &target) const
{
    if (!m_strip || !m_strip->isVisible()) return nullptr;
    if (target.kind == GuidedGoal::Target::Kind::Deliver) return m_strip->wireButton(u"deliver"_s);
    for (const CallPanel::CallKey &k : CallPanel::callKeys()) {
        if (k.bsd && target.call == QLatin1StringView(k.bsd))
            return m_strip->callButton(target.side == Side::Client, k.key);
    }
    return nullptr;
}

void GuidedPanel::showHighlight()
{
    QWidget *target = nullptr;
    QWidget *strip = nullptr;
    // A deviation that ends the goal points at nothing: the next step would not do what it says.
    const bool lost = m_goal && m_goal->deviation() && !m_goal->deviation()->recoverable;
    if (m_panels && m_goal && !lost && m_goal->nextStep() >= 0) {
        const GuidedGoal::Target &t = m_goal->steps()[size_t(m_goal->nextStep())].target;
        if (t.kind == GuidedGoal::Target::Kind::Call) {
            target = m_panels->callPanel(t.side)->button(t.call);
        } else {
            target = m_panels->wirePanel()->deliverButton(t.direction);
            selectSegment(t.direction);
        }
        strip = stripTarget(t);
    }
    const bool changed = target != m_target;
    m_target = target;
    static_cast<GuideFrame *>(m_frame)->follow(target);
    static_cast<GuideFrame *>(m_stripFrame)->follow(strip);
    // A call panel scrolls: the button to press must be in view.
    if (changed && target) {
        for (QWidget *w = target->parentWidget(); w; w = w->parentWidget()) {
            if (auto *area = qobject_cast<QScrollArea *>(w)) {
                area->ensureWidgetVisible(target, 8, 8);
                break;
            }
        }
    }
}
