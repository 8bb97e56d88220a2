package kr.gyeol.vault;

/** Whether the card or account belongs to a person or a company (개인 / 법인). */
public enum HolderType {

    PERSONAL, CORPORATE

}
