import type { Schema, Struct } from '@strapi/strapi';

export interface DirectoryContact extends Struct.ComponentSchema {
  collectionName: 'components_directory_contacts';
  info: {
    description: '\u529E\u516C\u5730\u5740\u3001\u7535\u8BDD\u3001\u529E\u516C\u65F6\u95F4\u3001\u7F51\u7AD9\u3001\u7535\u5B50\u90AE\u7BB1';
    displayName: '\u8054\u7CFB\u65B9\u5F0F';
  };
  attributes: {
    address: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    email: Schema.Attribute.Email &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    officeHours: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    phone: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    postalCode: Schema.Attribute.String;
    website: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

export interface DirectoryLeader extends Struct.ComponentSchema {
  collectionName: 'components_directory_leaders';
  info: {
    description: '\u673A\u6784\u9886\u5BFC\uFF1A\u59D3\u540D\u3001\u804C\u52A1\u3001\u5206\u5DE5';
    displayName: '\u9886\u5BFC';
  };
  attributes: {
    duties: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
        minLength: 2;
      }>;
    sortOrder: Schema.Attribute.Integer & Schema.Attribute.DefaultTo<0>;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
  };
}

export interface InterpretationChannelPublication
  extends Struct.ComponentSchema {
  collectionName: 'components_interpretation_channel_publications';
  info: {
    description: '\u89E3\u8BFB\u5728\u67D0\u4E00\u6E20\u9053\u7684\u53D1\u5E03\uFF1A\u6E20\u9053\u3001\u94FE\u63A5\u3001\u53D1\u5E03\u65E5\u671F\u3001\u5907\u6CE8\uFF1B\u53EF\u5728\u89E3\u8BFB\u53D1\u5E03\u540E\u8865\u5F55';
    displayName: '\u6E20\u9053\u53D1\u5E03\u8BB0\u5F55';
  };
  attributes: {
    channel: Schema.Attribute.Relation<'oneToOne', 'api::channel.channel'>;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    publishedOn: Schema.Attribute.Date & Schema.Attribute.Required;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

export interface PowerResponsibility extends Struct.ComponentSchema {
  collectionName: 'components_power_responsibilities';
  info: {
    description: '\u6309\u73AF\u8282\u5217\u51FA\u7684\u8D23\u4EFB\u4E8B\u9879\uFF1A\u53D7\u7406\u3001\u5BA1\u67E5\u3001\u51B3\u5B9A\u3001\u9001\u8FBE\u3001\u4E8B\u540E\u76D1\u7BA1\u7B49';
    displayName: '\u8D23\u4EFB\u4E8B\u9879';
  };
  attributes: {
    description: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    stage: Schema.Attribute.Enumeration<
      [
        'filing',
        'investigation',
        'review',
        'notice',
        'decision',
        'service',
        'enforcement',
        'supervision',
        'other',
      ]
    > &
      Schema.Attribute.Required;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'directory.contact': DirectoryContact;
      'directory.leader': DirectoryLeader;
      'interpretation.channel-publication': InterpretationChannelPublication;
      'power.responsibility': PowerResponsibility;
    }
  }
}
