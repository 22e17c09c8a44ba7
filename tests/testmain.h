// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTest>

// Every test uses this instead of QTEST_MAIN: offscreen platform, fixed DPI, bundled font, no
// animations, so pixels and timings do not depend on the machine. `screens` ("1024x768 1280x720")
// adds offscreen screens of those sizes, named "screen-1024x768", … beside the usual 800×600 one.
int synscopeTestMain(int argc, char **argv, QObject *test, const char *screens = nullptr);

#define SYNSCOPE_TEST_MAIN(TestObject)                                                                                 \
    int main(int argc, char **argv)                                                                                    \
    {                                                                                                                  \
        TestObject tc;                                                                                                 \
        return synscopeTestMain(argc, argv, &tc);                                                                      \
    }

#define SYNSCOPE_TEST_MAIN_WITH_SCREENS(TestObject, screens)                                                           \
    int main(int argc, char **argv)                                                                                    \
    {                                                                                                                  \
        TestObject tc;                                                                                                 \
        return synscopeTestMain(argc, argv, &tc, screens);                                                             \
    }
