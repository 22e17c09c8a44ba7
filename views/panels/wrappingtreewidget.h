// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTreeWidget>

// A two-column tree ("Field", "Value") whose cells are never elided: each cell's text wraps to its
// column's width, at word boundaries where it can and anywhere in a word too long for the line (a
// payload, an IPv6 address), and rows grow to hold it. A top-level item whose first column is
// spanned wraps across the whole row. The name column takes what its names need on one line where
// the values still fit beside them, else less, but never less than a name's longest word.
class WrappingTreeWidget : public QTreeWidget {
    Q_OBJECT
public:
    explicit WrappingTreeWidget(QWidget *parent = nullptr);

    // The rectangle a cell's text is drawn in (the cell less the style's text margins).
    QRect textRect(const QModelIndex &index) const;
    // Lays out the rows again after their text changed (the items were rebuilt).
    void refit();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitColumns();

    int m_fittedWidth = -1; // the viewport width the name column was last fitted to
};
