import Docs2SwiftRuntime
import Foundation
import Testing

@Suite struct RuntimeTests {
    @Test(arguments: ["2024-05-01T12:00:00Z", "2024-05-01T12:00:00.123Z", "2024-05-01T12:00:00.123456Z", "2024-05-01T14:00:00+02:00"])
    func datesWithAndWithoutFractionalSeconds(_ text: String) throws {
        let date = try #require(JSONCoding.parseDate(text))
        let base = try #require(JSONCoding.parseDate("2024-05-01T12:00:00Z"))
        #expect(abs(date.timeIntervalSince(base)) < 1)
    }

    @Test func invalidDateIsADecodingError() {
        #expect(throws: DecodingError.self) {
            _ = try JSONCoding.makeDecoder().decode([Date].self, from: Data(#"["yesterday"]"#.utf8))
        }
    }

    @Test func decimalStringKeepsItsDigits() throws {
        let values = try JSONCoding.makeDecoder().decode([DecimalString].self, from: Data(#"["12.50", 3]"#.utf8))
        #expect(values[0].text == "12.50")
        #expect(values[0].value == Decimal(string: "12.5"))
        #expect(values[1].value == 3)
        let encoded = String(decoding: try JSONCoding.makeEncoder().encode(values[0]), as: UTF8.self)
        #expect(encoded == #""12.50""#)
    }

    @Test func calendarDateRoundTrips() throws {
        let d = try JSONCoding.makeDecoder().decode(CalendarDate.self, from: Data(#""2024-02-29""#.utf8))
        #expect(d == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(String(decoding: try JSONCoding.makeEncoder().encode(d), as: UTF8.self) == #""2024-02-29""#)
    }

    @Test func jsonValueRoundTrips() throws {
        let text = #"{"a":[1,2.5,null,true,"x"],"b":{"c":{}}}"#
        let v = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(String(decoding: try JSONCoding.makeEncoder().encode(v), as: UTF8.self) == text)
    }

    @Test func requestURLEncodesQueryAndKeepsBasePath() throws {
        var r = HTTPRequest(method: "GET", path: "/api/x/" + RequestBuilder.pathComponent("a b/c") + "/")
        r.addQuery("q", "1&2")
        r.addQuery("tag", ["a", "b"])
        r.addQuery("none", Optional<Int>.none)
        let url = try #require(r.url(relativeTo: URL(string: "https://h.example/base/")!))
        #expect(url.absoluteString == "https://h.example/base/api/x/a%20b%2Fc/?q=1%262&tag=a&tag=b")
        #expect(RequestBuilder.pathComponent(UUID(uuidString: "A1B2C3D4-E5F6-7890-ABCD-EF1234567890")!) == "a1b2c3d4-e5f6-7890-abcd-ef1234567890")
    }
}
