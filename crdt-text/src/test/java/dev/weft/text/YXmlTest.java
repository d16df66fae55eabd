package dev.weft.text;

import static dev.weft.text.TextTesting.attrs;
import static dev.weft.text.TextTesting.hex;
import static dev.weft.text.TextTesting.recordUpdates;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Doc;
import dev.weft.crdt.YEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YXmlTest {
  private static final String TREE_STRING =
      "<p class=\"d\"><bold>hi </bold><bold><link href=\"u\" t=\"2\">there</link></bold></p>tail<em>x</em>";

  /** Builds the tree of {@link #tree_matchesYjsBytesAndString}. */
  private static YXmlFragment buildTree(Doc d) {
    YXmlFragment f = YXmlFragment.of(d, "x");
    YXmlElement p = new YXmlElement("P");
    p.setAttribute("class", "c");
    p.setAttribute("a", "z");
    YXmlText tx = new YXmlText();
    tx.insert(0, "hi there", attrs("bold", true));
    tx.format(3, 5, attrs("link", attrs("href", "u", "t", 2)));
    p.insert(0, List.of(tx));
    YXmlHook h = new YXmlHook("hk");
    h.set("k", "v");
    h.set("n", 1);
    h.set("k", "w");
    f.insert(0, List.of(p, h, new YXmlText("tail")));
    p.setAttribute("class", "d");
    p.removeAttribute("a");
    f.delete(1, 1);
    YXmlElement e = new YXmlElement("em");
    f.push(List.of(e));
    e.insert(0, List.of(new YXmlText("x")));
    return f;
  }

  /**
   * Pinned from yjs 13.6.33: {@code const f = d.getXmlFragment('x'); const p = new
   * Y.XmlElement('P'); p.setAttribute('class', 'c'); p.setAttribute('a', 'z'); const tx = new
   * Y.XmlText(); tx.insert(0, 'hi there', { bold: true }); tx.format(3, 5, { link: { href: 'u', t: 2
   * } }); p.insert(0, [tx]); const h = new Y.XmlHook('hk'); h.set('k', 'v'); h.set('n', 1);
   * h.set('k', 'w'); f.insert(0, [p, h, new Y.XmlText('tail')]); p.setAttribute('class', 'd');
   * p.removeAttribute('a'); f.delete(1, 1); const e = new Y.XmlElement('em'); f.push([e]);
   * e.insert(0, [new Y.XmlText('x')])} with client id 11.
   */
  @Test
  void tree_matchesYjsBytesAndString() {
    Doc d = new Doc(11);
    List<String> ups = recordUpdates(d);
    YXmlFragment f = buildTree(d);
    assertEquals(List.of(
        "010f0b000701017803015007000b000606000b0104626f6c640474727565840b0203686920840b05057468657265860b0a04626f6c64046e756c6cc60b050b06046c696e6b127b2268726566223a2275222c2274223a327d860b0b046c696e6b046e756c6c28000b0005636c6173730177016328000b0001610177017a870b000502686b28000b10016b0177017728000b10016e017d01870b100604000b13047461696c00",
        "01010b18a80b0e01770164010b010e01",
        "00010b010f01",
        "00010b011003",
        "01010b19870b130302656d00",
        "01020b1a07000b190604000b1a017800"), ups);
    assertEquals(TREE_STRING, f.toString());
    assertEquals(TREE_STRING, f.toJson());
    assertEquals("01120b000701017803015007000b000606000b0104626f6c640474727565840b0203686920840b05057468657265860b0a04626f6c64046e756c6cc60b050b06046c696e6b127b2268726566223a2275222c2274223a327d860b0b046c696e6b046e756c6c21000b0005636c6173730121000b00016101810b00010002870b100604000b13047461696ca80b0e01770164870b130302656d07000b190604000b1a0178010b010e05",
        hex(d.encodeStateAsUpdate()));
  }

  @Test
  void tree_roundTripsThroughAFreshDocument() {
    Doc d = new Doc(11);
    YXmlFragment f = buildTree(d);
    Doc copy = new Doc(12);
    copy.applyUpdate(d.encodeStateAsUpdate());
    YXmlFragment g = YXmlFragment.of(copy, "x");
    assertEquals(f.toString(), g.toString());
    assertArrayEquals(d.encodeStateAsUpdate(), copy.encodeStateAsUpdate());
    YXmlElement p = assertInstanceOf(YXmlElement.class, g.get(0));
    assertEquals("P", p.nodeName());
    assertEquals("d", p.getAttribute("class"));
    assertNull(p.getAttribute("a"));
    assertInstanceOf(YXmlText.class, g.get(1));
    assertEquals("tail", g.get(1).toString());
  }

  @Test
  void tree_unknownKindsBeforeFirstUse_areReadableAfterwards() {
    Doc d = new Doc(11);
    buildTree(d);
    Doc copy = new Doc(12);
    copy.applyUpdate(d.encodeStateAsUpdate());
    assertEquals(TREE_STRING, copy.get("x", YXmlFragment.class).toString());
  }

  @Test
  void hook_keepsItsNameAndEntries() {
    Doc d = new Doc(1);
    YXmlFragment f = YXmlFragment.of(d, "x");
    YXmlHook h = new YXmlHook("mention");
    h.set("user", "ada");
    f.push(List.of(h));
    Doc copy = new Doc(2);
    copy.applyUpdate(d.encodeStateAsUpdate());
    YXmlHook h2 = assertInstanceOf(YXmlHook.class, YXmlFragment.of(copy, "x").get(0));
    assertEquals("mention", h2.hookName());
    assertEquals("ada", h2.get("user"));
    assertEquals("[object Object]", YXmlFragment.of(copy, "x").toString());
  }

  @Test
  void element_attributesSortedAndNameLowerCased() {
    Doc d = new Doc(1);
    YXmlFragment f = YXmlFragment.of(d, "x");
    YXmlElement div = new YXmlElement("DIV");
    div.setAttribute("z", "1");
    div.setAttribute("b", 2);
    div.setAttribute("a", true);
    f.insert(0, List.of(div));
    assertEquals("<div a=\"true\" b=\"2\" z=\"1\"></div>", f.toString());
    assertEquals(List.of("z", "b", "a"), new ArrayList<>(div.getAttributes().keySet()));
  }

  @Test
  void xmlText_rendersFormattingAsSortedNestedTags() {
    Doc d = new Doc(1);
    YXmlFragment f = YXmlFragment.of(d, "x");
    YXmlText t = new YXmlText("abc");
    f.insert(0, List.of(t));
    t.format(1, 1, attrs("strong", true, "a", attrs("title", "T", "href", "h")));
    assertEquals("a<a href=\"h\" title=\"T\"><strong>b</strong></a>c", t.toString());
  }

  @Test
  void events_reportChildListAndAttributes() {
    Doc d = new Doc(1);
    YXmlFragment f = YXmlFragment.of(d, "x");
    YXmlElement el = new YXmlElement("p");
    f.insert(0, List.of(el));
    List<YEvent> events = new ArrayList<>();
    el.observe(events::add);
    d.transact(tx -> {
      el.setAttribute("k", "v");
      el.insert(0, List.of(new YXmlText("t")));
    });
    YXmlEvent ev = assertInstanceOf(YXmlEvent.class, events.get(0));
    assertTrue(ev.childListChanged());
    assertEquals(java.util.Set.of("k"), ev.attributesChanged());
    assertEquals(1, ev.delta().size());
  }

  @Test
  void preliminaryFragment_insertsItsChildrenAtOnce() {
    Doc d = new Doc(1);
    YXmlElement outer = new YXmlElement("ul");
    outer.insert(0, List.of(new YXmlElement("li")));
    outer.insert(0, List.of(new YXmlElement("li0")));
    assertEquals(2, outer.length());
    YXmlFragment.of(d, "x").insert(0, List.of(outer));
    assertEquals("<ul><li0></li0><li></li></ul>", YXmlFragment.of(d, "x").toString());
  }
}
