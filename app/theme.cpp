// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>

namespace Theme {

void apply(DiagramTheme theme)
{
    // Qt 6.4 cannot ask the desktop for its colour scheme: the theme is the app's own setting. The
    // palette the application started with is the light one, kept to come back to.
    static const QPalette light = QApplication::palette();
    if (theme == DiagramTheme::Light) {
        QApplication::setPalette(light);
        return;
    }
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Mid, QColor(0x60, 0x60, 0x60));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x10));
    // Disabled controls must look it: a field as dark as an enabled one (the "300 ms" box of a wire
    // in step mode) reads as one to type in. Off, fields take the window's colour and text is dim.
    const QColor dim(0x7a, 0x7a, 0x7a);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, dim);
    p.setColor(QPalette::Disabled, QPalette::WindowText, dim);
    p.setColor(QPalette::Disabled, QPalette::Text, dim);
    p.setColor(QPalette::Disabled, QPalette::Base, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x2f, 0x2f, 0x2f));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, dim);
    p.setColor(QPalette::Disabled, QPalette::Light, QColor(0x2b, 0x2b, 0x2b));
    QApplication::setPalette(p);
}

QPalette captionPalette(DiagramTheme theme, QPalette palette)
{
    const bool dark = theme == DiagramTheme::Dark;
    palette.setColor(QPalette::Window, dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(0xfa, 0xfa, 0xf7));
    palette.setColor(QPalette::WindowText, dark ? QColor(0xee, 0xee, 0xee) : QColor(0x20, 0x20, 0x20));
    return palette;
}

} // namespace Theme
