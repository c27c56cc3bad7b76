// A tiny DOMParser for the Node tests: Node has none, and dmn-rows.js reads its XML through only
// documentElement, children, localName, getAttribute and textContent. Enough XML for DMN files: elements,
// attributes, text, comments, CDATA, the declaration; no DTDs (a DMN file has none).
import { unescapeXmlText } from '../../main/web/dmn-rows.js';

class Element {
  constructor(name, attributes) {
    this.tagName = name;
    this.localName = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    this.attributes = attributes;
    this.children = [];
    this.parts = [];
  }

  getAttribute(name) {
    return Object.hasOwn(this.attributes, name) ? this.attributes[name] : null;
  }

  get textContent() {
    return this.parts.map((part) => (typeof part === 'string' ? part : part.textContent)).join('');
  }
}

export class TinyDOMParser {
  parseFromString(xml) {
    const root = new Element('#document', {});
    const stack = [root];
    const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
    let match;
    while ((match = token.exec(xml)) !== null) {
      const top = stack[stack.length - 1];
      if (match[1] !== undefined) {
        top.parts.push(match[1]);
      } else if (match[2] !== undefined) {
        if (top.tagName !== match[2]) {
          throw new Error(`</${match[2]}> closes <${top.tagName}>`);
        }
        stack.pop();
      } else if (match[3] !== undefined) {
        const attributes = {};
        for (const a of match[4].matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
          attributes[a[1]] = unescapeXmlText(a[2] ?? a[3]);
        }
        const element = new Element(match[3], attributes);
        top.children.push(element);
        top.parts.push(element);
        if (match[5] !== '/') {
          stack.push(element);
        }
      } else if (match[6] !== undefined) {
        top.parts.push(unescapeXmlText(match[6]));
      }
    }
    if (stack.length !== 1) {
      throw new Error(`<${stack[stack.length - 1].tagName}> is not closed`);
    }
    return { documentElement: root.children[0] || null };
  }
}
