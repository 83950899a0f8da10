import { OptionalLabel as OptionalLabel_d66b52697584e78dc7e37d545a84d28f } from '../../../admin/fields.tsx'
import { ScheduledCell as ScheduledCell_b121fea1ecc4b6b3a6754eac99955a71 } from '../../../admin/ScheduledCell.tsx'
import { SchedulePublication as SchedulePublication_ea496dd7c7a8c4f87df1579e5ec1be26 } from '../../../admin/SchedulePublication.tsx'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { TableFeatureClient as TableFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ConsultationExport as ConsultationExport_cd04d53f87a810e055d31fc9ddea103e } from '../../../admin/ConsultationExport.tsx'
import { ShareCell as ShareCell_18f5f1640ef7d5c2e7914f68e63b1ac6 } from '../../../admin/cells.tsx'
import { ScoreCell as ScoreCell_18f5f1640ef7d5c2e7914f68e63b1ac6 } from '../../../admin/cells.tsx'
import { TrainingLinks as TrainingLinks_bc5cbc9526fcc57b1e8a0cc0e2b5c425 } from '../../../admin/TrainingLinks.tsx'
import { DeadlineCell as DeadlineCell_18f5f1640ef7d5c2e7914f68e63b1ac6 } from '../../../admin/cells.tsx'
import { CurrentPasswordField as CurrentPasswordField_8edd9548e223ee6bc8b08a68ddcc5444 } from '../../../admin/CurrentPasswordField.tsx'
import { MessageLinks as MessageLinks_3df90c56a8ca22e6b7d483d46bbb140b } from '../../../admin/MessageLinks.tsx'
import { MonthlyReportLinks as MonthlyReportLinks_5390aa47835c780631d0b12a677ccb4d } from '../../../admin/MonthlyReportLinks.tsx'
import { MonthlyReportLinksCell as MonthlyReportLinksCell_5390aa47835c780631d0b12a677ccb4d } from '../../../admin/MonthlyReportLinks.tsx'
import { PortalNav as PortalNav_0455ad7154bc6cc4e42c033e5f3edeba } from '../../../admin/PortalNav.tsx'
import { Icon as Icon_0f35c6b343a2bbde7b1af02192952cae } from '../../../admin/graphics.tsx'
import { Logo as Logo_0f35c6b343a2bbde7b1af02192952cae } from '../../../admin/graphics.tsx'
import { NavLinks as NavLinks_4e4d80409fc830db3ece93647ac69540 } from '../../../admin/NavLinks.tsx'
import { ListViews as ListViews_2b7be487bd3ccde0349edb6bf156bc94 } from '../../../admin/ListViews.tsx'
import { OperationsLinks as OperationsLinks_69da50d6e27479e76803c9363c8ef428 } from '../../../admin/OperationsLinks.tsx'
import { AccessibleNames as AccessibleNames_9852fb99d70e67ebe7189459dc6ec47e } from '../../../admin/AccessibleNames.tsx'
import { Dashboard as Dashboard_f781e9028d57a98d9263c5f8db6380b6 } from '../../../admin/dashboard/Dashboard.tsx'
import { UnfinishedSelfTraining as UnfinishedSelfTraining_bac7fa457b144bb8ca900c7a56d1b8fc } from '../../../admin/dashboard/UnfinishedSelfTraining.tsx'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/admin/fields.tsx#OptionalLabel": OptionalLabel_d66b52697584e78dc7e37d545a84d28f,
  "/admin/ScheduledCell.tsx#ScheduledCell": ScheduledCell_b121fea1ecc4b6b3a6754eac99955a71,
  "/admin/SchedulePublication.tsx#SchedulePublication": SchedulePublication_ea496dd7c7a8c4f87df1579e5ec1be26,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#TableFeatureClient": TableFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/admin/ConsultationExport.tsx#ConsultationExport": ConsultationExport_cd04d53f87a810e055d31fc9ddea103e,
  "/admin/cells.tsx#ShareCell": ShareCell_18f5f1640ef7d5c2e7914f68e63b1ac6,
  "/admin/cells.tsx#ScoreCell": ScoreCell_18f5f1640ef7d5c2e7914f68e63b1ac6,
  "/admin/TrainingLinks.tsx#TrainingLinks": TrainingLinks_bc5cbc9526fcc57b1e8a0cc0e2b5c425,
  "/admin/cells.tsx#DeadlineCell": DeadlineCell_18f5f1640ef7d5c2e7914f68e63b1ac6,
  "/admin/CurrentPasswordField.tsx#CurrentPasswordField": CurrentPasswordField_8edd9548e223ee6bc8b08a68ddcc5444,
  "/admin/MessageLinks.tsx#MessageLinks": MessageLinks_3df90c56a8ca22e6b7d483d46bbb140b,
  "/admin/MonthlyReportLinks.tsx#MonthlyReportLinks": MonthlyReportLinks_5390aa47835c780631d0b12a677ccb4d,
  "/admin/MonthlyReportLinks.tsx#MonthlyReportLinksCell": MonthlyReportLinksCell_5390aa47835c780631d0b12a677ccb4d,
  "/admin/PortalNav.tsx#PortalNav": PortalNav_0455ad7154bc6cc4e42c033e5f3edeba,
  "/admin/graphics.tsx#Icon": Icon_0f35c6b343a2bbde7b1af02192952cae,
  "/admin/graphics.tsx#Logo": Logo_0f35c6b343a2bbde7b1af02192952cae,
  "/admin/NavLinks.tsx#NavLinks": NavLinks_4e4d80409fc830db3ece93647ac69540,
  "/admin/ListViews.tsx#ListViews": ListViews_2b7be487bd3ccde0349edb6bf156bc94,
  "/admin/OperationsLinks.tsx#OperationsLinks": OperationsLinks_69da50d6e27479e76803c9363c8ef428,
  "/admin/AccessibleNames.tsx#AccessibleNames": AccessibleNames_9852fb99d70e67ebe7189459dc6ec47e,
  "/admin/dashboard/Dashboard.tsx#Dashboard": Dashboard_f781e9028d57a98d9263c5f8db6380b6,
  "/admin/dashboard/UnfinishedSelfTraining.tsx#UnfinishedSelfTraining": UnfinishedSelfTraining_bac7fa457b144bb8ca900c7a56d1b8fc,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
