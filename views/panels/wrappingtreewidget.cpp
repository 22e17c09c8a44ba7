// SPDX-License-Identifier: GPL-3.0-or-later
#include "wrappingtreewidget.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QTimer>

namespace {
// The share of the width the name column may take at most, so that a long name leaves the values
// room for a number in a narrow dock.
constexpr double kNameShare = 0.6;

int textMargin(const QWidget *widget)
{
    // What QCommonStyle leaves on each side of an item's text.
    const QStyle *style = widget ? widget->style() : QApplication::style();
    return style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
}

// Lays `text` out in lines of at most `width` pixels; returns the height it takes.
int layoutLines(QTextLayout &layout, int width)
{
    QTextOption option;
    // QStyle's item text wraps at word boundaries only and elides a word that does not fit; a
    // payload or an address is one long word, so break inside it rather than cut it.
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    const QFontMetricsF metrics(layout.font());
    qreal y = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(qMax(1, width));
        line.setPosition(QPointF(0, y));
        y += metrics.lineSpacing();
    }
    layout.endLayout();
    return qCeil(y);
}

class WrappingDelegate : public QStyledItemDelegate {
public:
    explicit WrappingDelegate(WrappingTreeWidget *tree)
        : QStyledItemDelegate(tree)
        , m_tree(tree)
    { }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QSize oneLine = QStyledItemDelegate::sizeHint(option, index);
        const QRect rect = m_tree->textRect(index);
        if (rect.width() <= 0) // the second column of a spanned row, or not laid out yet
            return oneLine;
        QTextLayout layout(opt.text, opt.font);
        const int height = layoutLines(layout, rect.width());
        // Keep one-line rows as tall as the style makes them; add lines of text beyond that.
        const int lineHeight = QFontMetrics(opt.font).lineSpacing();
        return {oneLine.width(), qMax(oneLine.height(), oneLine.height() - lineHeight + height)};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        // A row that cannot be selected (a note above the fields) is not marked as current either:
        // the view makes the first row current when it gets the focus.
        if (!(index.flags() & Qt::ItemIsSelectable)) opt.state &= ~(QStyle::State_HasFocus | QStyle::State_Selected);
        const QString text = opt.text;
        opt.text.clear(); // the style draws the background, selection and focus; the text is ours
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        if (text.isEmpty()) return;
        const int margin = textMargin(widget);
        const QRect rect = opt.rect.adjusted(margin, 0, -margin, 0);
        QTextLayout layout(text, opt.font);
        const int height = layoutLines(layout, rect.width());
        const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
            : (opt.state & QStyle::State_Active)                                ? QPalette::Normal
                                                                                : QPalette::Inactive;
        painter->save();
        painter->setPen(opt.palette.color(
            group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
        // One line sits in the middle of its row as the style's text does; more lines fill it.
        const int top = rect.top() + qMax(0, (rect.height() - height) / 2);
        layout.draw(painter, QPointF(rect.left(), top));
        painter->restore();
    }

private:
    WrappingTreeWidget *m_tree;
};
} // namespace

WrappingTreeWidget::WrappingTreeWidget(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(2);
    // Half the usual indentation: in a narrow dock every pixel a name is pushed right is one the
    // name has to wrap for.
    setIndentation(indentation() / 2 + 2);
    setItemDelegate(new WrappingDelegate(this));
    setWordWrap(true);
    setUniformRowHeights(false);
    setTextElideMode(Qt::ElideNone);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The two columns share the width exactly (set in fitColumns()): QHeaderView's stretched last
    // section does not always shrink again with the view, and then sticks out of it.
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::Fixed);
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    // Qt's default minimum is the font's widest glyph: over 100 pixels in DejaVu Sans.
    header()->setMinimumSectionSize(fontMetrics().averageCharWidth() * 4);
    // Row heights are computed once per layout; a column the user drags wider or narrower must
    // wrap its text again. Queued, so a drag lays out once per event loop turn, not per pixel.
    auto *relayout = new QTimer(this);
    relayout->setSingleShot(true);
    relayout->setInterval(0);
    connect(relayout, &QTimer::timeout, this, &WrappingTreeWidget::doItemsLayout);
    connect(header(), &QHeaderView::sectionResized, this, [this, relayout](int logical, int, int size) {
        if (logical == 0) // the values take the rest
            setColumnWidth(1, qMax(header()->minimumSectionSize(), viewport()->width() - size));
        relayout->start();
    });
}

QRect WrappingTreeWidget::textRect(const QModelIndex &index) const
{
    if (!index.isValid()) return {};
    const bool spanned = isFirstColumnSpanned(index.row(), index.parent());
    if (spanned && index.column() > 0) // the first column's text takes the whole row
        return {};
    int width = spanned ? viewport()->width() : columnWidth(index.column());
    if (index.column() == 0) {
        int depth = rootIsDecorated() ? 1 : 0;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            ++depth;
        width -= depth * indentation();
    }
    const int margin = textMargin(this);
    return {margin, 0, width - 2 * margin, 0};
}

void WrappingTreeWidget::refit()
{
    m_fittedWidth = -1;
    fitColumns();
    doItemsLayout();
}

void WrappingTreeWidget::resizeEvent(QResizeEvent *event)
{
    QTreeWidget::resizeEvent(event);
    fitColumns();
}

void WrappingTreeWidget::fitColumns()
{
    const int width = viewport()->width();
    if (width == m_fittedWidth || width <= 0) return;
    m_fittedWidth = width;
    // Names wrap at spaces but never inside a word ("Acknowledg|ment" reads as nothing); values
    // wrap wherever they must. So the name column gets what its names need on one line if the
    // values still fit beside them, and no less than its longest word.
    int names = 0; // the longest name on one line, with its indentation and margins
    int word = 0; // the longest word of a name, with the same
    int values = 0; // the longest value on one line, with its margins
    const int margins = 2 * textMargin(this) + 1;
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        const QTreeWidgetItem *item = *it;
        const QModelIndex index = indexFromItem(item);
        if (isFirstColumnSpanned(index.row(), index.parent())) // a title, no name
            continue;
        int depth = rootIsDecorated() ? 1 : 0;
        for (const QTreeWidgetItem *p = item->parent(); p; p = p->parent())
            ++depth;
        const QFontMetrics metrics(item->font(0));
        const int indent = depth * indentation() + margins;
        names = qMax(names, metrics.horizontalAdvance(item->text(0)) + indent);
        for (const QString &w : item->text(0).split(u' '))
            word = qMax(word, metrics.horizontalAdvance(w) + indent);
        values = qMax(values, QFontMetrics(item->font(1)).horizontalAdvance(item->text(1)) + margins);
    }
    // Never narrower than its header's own title, even with no rows.
    const int fitted = qMax(header()->sectionSizeHint(0), qMin(qMax(word, width - values), names));
    const int nameWidth = qMin(fitted, int(width * kNameShare));
    setColumnWidth(0, nameWidth);
    setColumnWidth(1, qMax(header()->minimumSectionSize(), width - nameWidth));
}
