package io.garagematch.matching.domain;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Keeps each (lower-case) German word and adds, at its position and with its offsets, the parts
 * {@link GermanCompounds} splits it into, so both the compound and its parts are indexed and
 * searched, and each part names the compound it stands in.
 */
final class GermanCompoundFilter extends TokenFilter {

  private final GermanCompounds compounds;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private final Deque<GermanCompounds.Part> pending = new ArrayDeque<>();
  private State compound;

  GermanCompoundFilter(TokenStream input, GermanCompounds compounds) {
    super(input);
    this.compounds = compounds;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      GermanCompounds.Part part = pending.removeFirst();
      restoreState(compound);
      term.setEmpty().append(part.surface());
      position.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    List<GermanCompounds.Part> parts = compounds.split(term.toString());
    if (!parts.isEmpty()) {
      compound = captureState();
      pending.addAll(parts);
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    compound = null;
  }
}
