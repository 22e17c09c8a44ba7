// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the window tests share: their own settings, apart from the user's, and a click on a call
// button as a user makes it.

#include "panels/callpanel.h"

#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

// In initTestCase(): settings of the test run live in `dir` (a QTemporaryDir member), not in the
// user's configuration.
#define USE_PRIVATE_SETTINGS(dir)                                                                                      \
    do {                                                                                                               \
        QVERIFY((dir).isValid());                                                                                      \
        qputenv("XDG_CONFIG_HOME", (dir).path().toUtf8());                                                             \
    } while (0)

// Clicks the call button `name` of `panel`, which must be there and enabled.
inline void click(CallPanel *panel, const char *name)
{
    QPushButton *b = panel->button(QString::fromLatin1(name));
    QVERIFY2(b, name);
    QVERIFY2(b->isEnabled(), name);
    QTest::mouseClick(b, Qt::LeftButton);
}
