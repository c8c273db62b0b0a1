package search

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// vlqDigits is the alphabet of posting lists: base64url, so that lists are
// plain ASCII in a JavaScript string.
const vlqDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// appendVLQ appends n as a variable-length quantity: five bits per digit,
// least significant first, the sixth bit set on every digit but the last.
func appendVLQ(b []byte, n uint32) []byte {
	for n >= 32 {
		b = append(b, vlqDigits[32|n&31])
		n >>= 5
	}
	return append(b, vlqDigits[n])
}

// A posting is a document number and an impact in 0..maxImpact, packed as
// doc<<impactBits | impact.
type posting uint32

const (
	impactBits = 5
	maxImpact  = 1<<impactBits - 1
)

func mkPosting(doc int, impact uint8) posting { return posting(doc)<<impactBits | posting(impact) }

func (p posting) doc() int      { return int(p >> impactBits) }
func (p posting) impact() uint8 { return uint8(p & maxImpact) }

// encodePostings encodes postings sorted by document. Each posting is one
// VLQ number: the gap since the previous document minus one, shifted left by
// five bits, plus the impact. A run of neighbouring documents costs one
// character each.
func encodePostings(ps []posting) string {
	b := make([]byte, 0, len(ps)*2)
	prev := -1
	for _, p := range ps {
		gap := uint32(p.doc() - prev - 1)
		b = appendVLQ(b, gap<<impactBits|uint32(p.impact()))
		prev = p.doc()
	}
	return string(b)
}

// decodePostings reads a list that encodePostings wrote, which must be
// well formed.
func decodePostings(s string) []posting {
	out := make([]posting, 0, postingCount(s))
	doc, n, shift := -1, uint32(0), 0
	for i := 0; i < len(s); i++ {
		d := uint32(strings.IndexByte(vlqDigits, s[i]))
		n |= (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		doc += int(n>>impactBits) + 1
		out = append(out, mkPosting(doc, uint8(n&maxImpact)))
		n, shift = 0, 0
	}
	return out
}

// postingCount returns the number of postings in an encoded list: its
// digits without the continuation bit.
func postingCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'f' { // digits 0..31
			n++
		}
	}
	return n
}

// jsString returns s as a JavaScript (and JSON) string literal in plain
// ASCII: quotes, backslashes, control characters, <, >, & and everything
// outside ASCII are escaped, so that a data file reads the same whatever
// encoding the page declares.
func jsString(s string) string {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	if plain { // posting lists, most keys
		return `"` + s + `"`
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == '<' || r == '>' || r == '&' || (r >= 0x7f && r < 0x10000):
			if r == utf8.RuneError {
				r = 0xfffd
			}
			writeU(&b, r)
		case r >= 0x10000:
			r -= 0x10000
			writeU(&b, 0xd800+(r>>10))
			writeU(&b, 0xdc00+(r&0x3ff))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func writeU(b *strings.Builder, r rune) {
	h := strconv.FormatInt(int64(r), 16)
	b.WriteString(`\u`)
	b.WriteString(strings.Repeat("0", 4-len(h)))
	b.WriteString(h)
}

// jsStrings returns a JavaScript array of string literals.
func jsStrings(ss []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jsString(s))
	}
	b.WriteByte(']')
	return b.String()
}

// less16 orders strings as JavaScript compares them, by UTF-16 code units,
// so that the page's binary search over shard keys agrees with the build.
func less16(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			return order16(ra) < order16(rb)
		}
		a, b = a[na:], b[nb:]
	}
	return len(a) < len(b)
}

// cmp16 compares strings as less16 orders them, comparing bytes where
// they first differ when both are ASCII there.
func cmp16(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	switch {
	case i == n:
		return len(a) - len(b)
	case a[i] < 0x80 && b[i] < 0x80:
		return int(a[i]) - int(b[i])
	case less16(a, b):
		return -1
	}
	return 1
}

// order16 maps a rune to a number that sorts as its UTF-16 encoding does:
// characters above U+FFFF (surrogate pairs, D800-DFFF) sort before
// U+E000-U+FFFF.
func order16(r rune) rune {
	switch {
	case r >= 0x10000:
		return 0xd800 + (r - 0x10000)
	case r >= 0xe000:
		return r + 0x100000
	}
	return r
}
