// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTest>

// Skips a window test where the lab cannot run (a container, a kernel that refuses user
// namespaces); in CI the lab must run, so there it fails with the reason.
#define REQUIRE_LAB(window)                                                                                            \
    do {                                                                                                               \
        if (!(window).lab()->isReady()) {                                                                              \
            const QString why = (window).lab()->error().message();                                                     \
            if (qEnvironmentVariable("CI") == u"true")                                                                 \
                QFAIL(qPrintable(QStringLiteral("the lab must run in CI: ") + why));                                   \
            QSKIP(qPrintable(QStringLiteral("no lab on this machine: ") + why));                                       \
        }                                                                                                              \
    } while (0)
