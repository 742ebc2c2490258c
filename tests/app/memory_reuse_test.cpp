// SPDX-License-Identifier: MIT
#include <memory_reuse.h>

#include <QByteArray>

#include <gtest/gtest.h>

namespace {

/** Restores GLIBC_TUNABLES as it was before the test. */
class MemoryReuseTest : public ::testing::Test
{
protected:
    void TearDown() override
    {
        if (m_hadTunables)
            qputenv("GLIBC_TUNABLES", m_tunables);
        else
            qunsetenv("GLIBC_TUNABLES");
    }

private:
    bool m_hadTunables = qEnvironmentVariableIsSet("GLIBC_TUNABLES");
    QByteArray m_tunables = qgetenv("GLIBC_TUNABLES");
};

#ifdef __GLIBC__
TEST_F(MemoryReuseTest, passesTheThresholdsToTheRendererThroughTheEnvironment)
{
    qunsetenv("GLIBC_TUNABLES");

    quire::app::reuseFreedMemory();

    EXPECT_EQ(qgetenv("GLIBC_TUNABLES"),
        QByteArrayLiteral("glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=134217728"));
}
#endif

TEST_F(MemoryReuseTest, leavesTheUsersOwnTunablesAlone)
{
    qputenv("GLIBC_TUNABLES", "glibc.malloc.check=3");

    quire::app::reuseFreedMemory();

    EXPECT_EQ(qgetenv("GLIBC_TUNABLES"), QByteArrayLiteral("glibc.malloc.check=3"));
}

} // namespace
