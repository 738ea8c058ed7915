// src/base/crypto: known-answer vectors for what libcrypto computes for us,
// and the strictness Lantern adds on top (base64url decoding, comparisons).
#include "base/crypto.h"

#include <gtest/gtest.h>

#include <set>

namespace lantern {
namespace {

TEST(CryptoTest, Sha256KnownAnswers) {
  // FIPS 180-4 examples (NIST CSRC "SHA256.pdf") and the empty string.
  EXPECT_EQ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", HexEncode(Sha256("abc")));
  EXPECT_EQ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HexEncode(Sha256("")));
  EXPECT_EQ("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
            HexEncode(Sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")));
  EXPECT_EQ("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
            HexEncode(Sha256(std::string(1000000, 'a'))));
  EXPECT_EQ(32u, Sha256(std::string("\0\0", 2)).size());
}

TEST(CryptoTest, HmacSha256Rfc4231) {
  // Test case 1.
  EXPECT_EQ("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            HexEncode(HmacSha256(std::string(20, '\x0b'), "Hi There")));
  // Test case 2: a key shorter than the output.
  EXPECT_EQ("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            HexEncode(HmacSha256("Jefe", "what do ya want for nothing?")));
  // Test case 6: a key longer than a block is hashed first.
  EXPECT_EQ("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            HexEncode(HmacSha256(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")));
}

TEST(CryptoTest, ConstantTimeEqualComparesLengthsFirst) {
  EXPECT_TRUE(ConstantTimeEqual("abc", "abc"));
  EXPECT_TRUE(ConstantTimeEqual("", ""));
  EXPECT_FALSE(ConstantTimeEqual("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEqual("abd", "bbd"));
  // A prefix is not equal, whichever side is shorter, and bytes past the end are never read.
  EXPECT_FALSE(ConstantTimeEqual("abc", "ab"));
  EXPECT_FALSE(ConstantTimeEqual("ab", "abc"));
  EXPECT_FALSE(ConstantTimeEqual("", "a"));
  EXPECT_FALSE(ConstantTimeEqual(std::string("a\0", 2), "a"));
  const std::string mac = HmacSha256("k", "m");
  EXPECT_FALSE(ConstantTimeEqual(mac, mac.substr(0, 31)));
}

TEST(CryptoTest, HexEncode) {
  EXPECT_EQ("", HexEncode(""));
  EXPECT_EQ("00ff7f10", HexEncode(std::string("\x00\xff\x7f\x10", 4)));
}

TEST(CryptoTest, Base64UrlKnownAnswersAndRoundTrips) {
  // RFC 4648 section 10 vectors, unpadded.
  const std::pair<const char*, const char*> vectors[] = {{"", ""},         {"f", "Zg"},         {"fo", "Zm8"},
                                                         {"foo", "Zm9v"},  {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"},
                                                         {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(encoded, Base64UrlEncode(plain));
    ASSERT_TRUE(Base64UrlDecode(encoded).has_value()) << encoded;
    EXPECT_EQ(plain, *Base64UrlDecode(encoded));
  }
  // The URL-safe alphabet: 0xfb 0xff is "+/8=" in standard base64.
  EXPECT_EQ("-_8", Base64UrlEncode("\xfb\xff"));
  EXPECT_EQ("\xfb\xff", Base64UrlDecode("-_8").value());
  // Every byte value and every length up to 70, through encode and decode.
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (size_t length = 0; length <= 70; ++length) {
    const std::string bytes = all.substr(length * 3 % 180, length);
    const std::string text = Base64UrlEncode(bytes);
    EXPECT_EQ(std::string::npos, text.find_first_of("+/=")) << text;
    EXPECT_EQ(bytes, Base64UrlDecode(text).value_or("<rejected>")) << length;
  }
  EXPECT_EQ(all, Base64UrlDecode(Base64UrlEncode(all)).value_or(""));
}

TEST(CryptoTest, Base64UrlDecodeRejectsNonCanonicalText) {
  for (const std::string bad : {"Zg==", "Zm8=", "Z", "Zm9vY", "Zm+v", "Zm/v", "Zm9v\n", " Zm9v", "Zm 9v", "Zm9v=",
                                "Zh", "Zm9", "Zm.v", "Zm9v\xc3\xa9"}) {
    EXPECT_FALSE(Base64UrlDecode(bad).has_value()) << bad;
  }
  EXPECT_FALSE(Base64UrlDecode(std::string("Zm\0v", 4)).has_value());
  // "Zh" and "Zm9" carry non-zero unused bits: "Zg" and "Zm8" are the only encodings of "f" and "fo".
  EXPECT_TRUE(Base64UrlDecode("Zg").has_value());
}

TEST(CryptoTest, RandomBytesAreFreshEachTime) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    Result<std::string> bytes = RandomBytes(16);
    ASSERT_TRUE(bytes.ok()) << bytes.status().message();
    EXPECT_EQ(16u, bytes.value().size());
    seen.insert(bytes.value());
  }
  EXPECT_EQ(100u, seen.size());
  EXPECT_EQ(0u, RandomBytes(0).value().size());
  EXPECT_EQ(3u << 20, RandomBytes(3u << 20).value().size());  // more than one RAND_bytes call
}

}  // namespace
}  // namespace lantern
