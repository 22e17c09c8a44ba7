// SPDX-License-Identifier: GPL-3.0-or-later
#include "startpage.h"

#include "run/session.h"
#include "scenario/builtinscenarios.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QVBoxLayout>
#include <algorithm>

namespace {
constexpr int kHeadingRole = Qt::UserRole + 1; // a group's heading: not selectable, skipped by the keys
constexpr int kDescriptionRole = Qt::UserRole + 2;
constexpr int kPad = 6;

// A scenario as a bold title with its description wrapped below, a group's heading larger with a
// rule under it. Rows are as tall as their wrapped text at the list's width, so nothing is cut.
class ScenarioDelegate : public QStyledItemDelegate {
public:
    explicit ScenarioDelegate(QListView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    { }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const int width = textWidth();
        if (index.data(kHeadingRole).toBool())
            return {width, QFontMetrics(headingFont(option.font)).height() + 3 * kPad};
        const int title = QFontMetrics(titleFont(option.font))
                              .boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, index.data().toString())
                              .height();
        const int description =
            QFontMetrics(option.font)
                .boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, index.data(kDescriptionRole).toString())
                .height();
        return {width, title + description + 3 * kPad};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString title = opt.text;
        opt.text.clear();
        QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        painter->save();
        if (index.data(kHeadingRole).toBool()) {
            painter->setFont(headingFont(option.font));
            // Drawn as enabled text: a heading is not selectable, yet it is not "off".
            painter->setPen(option.palette.color(QPalette::Active, QPalette::WindowText));
            const QRect text = option.rect.adjusted(kPad, 2 * kPad, -kPad, -kPad);
            painter->drawText(text, Qt::AlignLeft | Qt::AlignBottom, title);
            painter->setPen(option.palette.color(QPalette::Mid));
            painter->drawLine(option.rect.bottomLeft() + QPoint(kPad, 0), option.rect.bottomRight() - QPoint(kPad, 0));
            painter->restore();
            return;
        }
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const QRect area = option.rect.adjusted(2 * kPad, kPad, -kPad, -kPad);
        const QFont bold = titleFont(option.font);
        painter->setFont(bold);
        QRect used;
        painter->drawText(area, Qt::TextWordWrap, title, &used);
        painter->setFont(option.font);
        painter->drawText(area.adjusted(0, used.height() + kPad / 2, 0, 0), Qt::TextWordWrap,
                          index.data(kDescriptionRole).toString());
        painter->restore();
    }

private:
    int textWidth() const { return std::max(200, m_view->viewport()->width() - 3 * kPad - 4); }
    static QFont titleFont(QFont font)
    {
        font.setBold(true);
        return font;
    }
    static QFont headingFont(QFont font)
    {
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 1.2);
        return font;
    }

    QListView *m_view;
};
} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 24, 48, 24);
    auto *title = new QLabel(tr("<h1>SynScope</h1><p>Which socket call makes which TCP segment — shown with two "
                                "real Linux kernels and a wire you hold in your hand.</p>"),
                             this);
    title->setWordWrap(true);
    layout->addWidget(title);
    m_labState = new QLabel(this);
    m_labState->setWordWrap(true);
    m_labState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_labState);
    // Without the lab a scenario plays its recording: no fresh lab to promise.
    auto *scenariosLabel =
        new QLabel(Session::hasLiveLab() ? tr("<b>Scenarios</b> — pick one and press Space, Return or Run: it plays "
                                              "on a fresh lab, and Space then steps through it.")
                                         : tr("<b>Scenarios</b> — pick one and press Space, Return or Run: Space then "
                                              "steps through its recording."),
                   this);
    scenariosLabel->setWordWrap(true);
    // Run beside the words that say what it does; the page stays as narrow as its other buttons.
    auto *head = new QHBoxLayout;
    head->addWidget(scenariosLabel, 1);
    layout->addLayout(head);
    m_scenarios = new QListWidget(this);
    scenariosLabel->setBuddy(m_scenarios);
    m_scenarios->setWordWrap(true);
    m_scenarios->setUniformItemSizes(false);
    // Rows are measured at the list's width: a narrower window wraps them again, it never cuts them.
    m_scenarios->setResizeMode(QListView::Adjust);
    m_scenarios->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_scenarios->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scenarios->setItemDelegate(new ScenarioDelegate(m_scenarios));
    // Under each group's heading, its scenarios in teaching order; any without a known group last.
    const std::vector<BuiltinScenarios::Entry> entries = BuiltinScenarios::list();
    QStringList groups = ScenarioFile::groups();
    groups << QString();
    for (const QString &group : std::as_const(groups)) {
        bool headed = false;
        for (const BuiltinScenarios::Entry &e : entries) {
            if (group.isEmpty() ? ScenarioFile::groups().contains(e.group) : e.group != group) continue;
            if (!headed) {
                auto *heading = new QListWidgetItem(group.isEmpty() ? tr("More") : BuiltinScenarios::groupTitle(group),
                                                    m_scenarios);
                heading->setData(kHeadingRole, true);
                heading->setFlags(Qt::NoItemFlags); // the arrow keys go past it
                headed = true;
            }
            auto *item = new QListWidgetItem(e.title, m_scenarios);
            item->setData(Qt::UserRole, e.id);
            item->setData(kDescriptionRole, e.description);
            item->setToolTip(tr("Run \"%1\" (synscope --scenario %2)").arg(e.title, e.id));
        }
    }
    connect(m_scenarios, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (const QString id = item->data(Qt::UserRole).toString(); !id.isEmpty()) emit scenarioChosen(id);
    });
    layout->addWidget(m_scenarios, 1);

    auto *buttons = new QHBoxLayout;
    m_run = new QPushButton(tr("Run"), this);
    m_run->setToolTip(Session::hasLiveLab() ? tr("Run the selected scenario on a fresh lab (Space or Return)")
                                            : tr("Play the selected scenario's recording (Space or Return)"));
    connect(m_run, &QPushButton::clicked, this, &StartPage::runSelected);
    head->addWidget(m_run, 0, Qt::AlignBottom);
    connect(m_scenarios, &QListWidget::currentItemChanged, this,
            [this] { m_run->setEnabled(!selectedScenario().isEmpty()); });
    auto *byHand = new QPushButton(tr("Work by hand"), this);
    byHand->setToolTip(tr("Make the socket calls yourself and deliver each segment"));
    connect(byHand, &QPushButton::clicked, this, &StartPage::byHandChosen);
    auto *open = new QPushButton(tr("Open a saved trace or capture…"), this);
    connect(open, &QPushButton::clicked, this, &StartPage::openChosen);
    auto *openScenario = new QPushButton(tr("Open a scenario file…"), this);
    connect(openScenario, &QPushButton::clicked, this, &StartPage::openScenarioChosen);
    if (!Session::hasLiveLab()) {
        // A build without the lab: by hand and a scenario file of one's own need live kernels.
        const QString why = tr("Not in this build: %1").arg(Session::noLabReason());
        for (QPushButton *button : {byHand, openScenario}) {
            button->setEnabled(false);
            button->setToolTip(why);
        }
    }
    buttons->addWidget(byHand);
    buttons->addWidget(open);
    buttons->addWidget(openScenario);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    // The first scenario is selected from the start: Space runs it without a click first.
    for (int row = 0; row < m_scenarios->count(); ++row) {
        if (const QString id = m_scenarios->item(row)->data(Qt::UserRole).toString(); !id.isEmpty()) {
            selectScenario(id);
            break;
        }
    }
    setFocusProxy(m_scenarios);
}

QString StartPage::selectedScenario() const
{
    const QListWidgetItem *item = m_scenarios->currentItem();
    return item && item->isSelected() ? item->data(Qt::UserRole).toString() : QString();
}

bool StartPage::selectScenario(const QString &id)
{
    for (int row = 0; row < m_scenarios->count(); ++row) {
        QListWidgetItem *item = m_scenarios->item(row);
        if (item->data(Qt::UserRole).toString() == id) {
            m_scenarios->setCurrentItem(item, QItemSelectionModel::ClearAndSelect);
            m_scenarios->scrollToItem(item);
            return true;
        }
    }
    return false;
}

bool StartPage::runSelected()
{
    const QString id = selectedScenario();
    if (id.isEmpty()) return false;
    emit scenarioChosen(id);
    return true;
}

void StartPage::focusList()
{
    m_scenarios->setFocus(Qt::OtherFocusReason);
}

void StartPage::showLabState(const Session &session)
{
    const Session::Mode mode = session.mode();
    const QString text = session.stateText();
    const QString problem = session.labProblem();
    if (mode != Session::Mode::Playback && mode != Session::Mode::Recording && session.isLabReady()) {
        // Dark green reads on the light theme's grey, a light green on the dark theme's.
        const bool dark = palette().color(QPalette::Window).lightness() < 128;
        m_labState->setText(
            QStringLiteral("<p style='color:%1'>%2.</p>")
                .arg(dark ? QStringLiteral("#81c784") : QStringLiteral("#1b5e20"), text.toHtmlEscaped()));
    } else if (mode != Session::Mode::Playback && mode != Session::Mode::Recording && !Session::hasLiveLab()) {
        // Not a fault to fix on this machine: the app was built so.
        m_labState->setText(tr("<p><b>This build of SynScope has no live lab.</b> Every scenario below plays from its "
                               "recording made on real kernels; you can also open a saved trace or a capture.</p>"));
    } else if (mode != Session::Mode::Playback && mode != Session::Mode::Recording && !problem.isEmpty()) {
        m_labState->setText(
            tr("<p style='color:#e05060'><b>The lab cannot run here.</b> %1</p><p>Every scenario below still plays, "
               "from its recording made on real kernels; you can also open a saved trace or a capture.</p>")
                .arg(problem.toHtmlEscaped()));
    } else {
        m_labState->setText(QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped()));
    }
}
