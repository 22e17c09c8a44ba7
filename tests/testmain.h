// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTest>

// Every test uses this instead of QTEST_MAIN: offscreen platform, fixed DPI, bundled font, no
// animations, so pixels and timings do not depend on the machine.
int synscopeTestMain(int argc, char **argv, QObject *test);

#define SYNSCOPE_TEST_MAIN(TestObject)                                                                                 \
    int main(int argc, char **argv)                                                                                    \
    {                                                                                                                  \
        TestObject tc;                                                                                                 \
        return synscopeTestMain(argc, argv, &tc);                                                                      \
    }
